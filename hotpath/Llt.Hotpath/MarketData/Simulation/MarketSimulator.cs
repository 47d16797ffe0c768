using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Llt.Sbe;

namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// The embedded default feed's model: a deterministic, seedable generator of quotes and trades for many
/// instruments (docs/SIMULATOR.md). Arrivals follow one Hawkes process with an exponential kernel (bursty,
/// self-exciting) sampled exactly; each instrument's log fair value is a random walk with Markov volatility
/// regimes, Poisson jumps and trending episodes, and its mid reverts to the fair value (Ornstein-Uhlenbeck),
/// so mean-reversion and momentum-breakout strategies both find their patterns. Every price is on the
/// instrument's tick grid, positive, and every quote has bid &lt; ask with a spread of at least one tick.
/// Random numbers come a block of 64 events at a time (<see cref="EventDrawBlock"/>, fixed slots per event),
/// and each block's arrivals and instruments are planned before its events run (<see cref="PlanBlock"/>).
/// All state is allocated in the constructor; producing events allocates nothing. Single-threaded.
/// </summary>
/// <example>
/// <code>
/// var simulator = new MarketSimulator(SimulatorConfig.CreateDefault(100, seed: 42));
/// simulator.Next(out SimulatedEvent e);               // one event
/// simulator.Generate(eventsSpan);                     // fill a caller's buffer
/// simulator.Generate(ref handlerStruct, 10_000);      // or stream into an ISimulatedEventHandler
/// </code>
/// </example>
public sealed class MarketSimulator
{
    private const double NanosPerSecond = 1e9;
    // a multiply instead of a divide on the per-quote critical path (dt feeds √dt and e^(−κdt))
    private const double SecondsPerNano = 1e-9;
    private const double SecondsPerHour = 3600;
    // 252 trading days × 6.5 h: the convention annualised equity volatilities are quoted in
    private const double TradingSecondsPerYear = 252 * 6.5 * 3600;
    // κ·dt below this: e^(−κdt) takes Exp's polynomial shortcut and the OU step's √(1 − e^(−2κdt)) its series
    private const double ReversionSeriesBound = 0.0054;
    // 2^-32: a 32-bit draw times this is an exact double in [0, 1)
    private const double UnitScale32 = 1.0 / 4294967296.0;

    private readonly SimulatedInstrumentState[] _instruments;
    // Vose's alias table over the activity weights: an O(1), nearly branch-free draw of the next instrument
    private readonly AliasTable _instrumentTable;
    // the per-event draws and variates, refilled every EventsPerBlock events
    private readonly EventDrawBlock _block;
    private readonly long _startEpochNs;
    private readonly double _baseMeanGapNs;
    private readonly double _decayPerMeanGap;
    private readonly double _nanosPerDecay;
    private readonly double _hawkesJump;
    private readonly double _hawkesDecay;
    // constant probabilities as 32-bit thresholds: bits < ⌈p·2^32⌉ ⇔ bits·2^-32 < p (Below), one integer compare
    private readonly ulong _clusterThreshold;
    private readonly ulong _tradeThreshold;
    private readonly ulong _focusedTradeThreshold;
    private readonly ulong _calmToVolatileThreshold;
    private readonly ulong _volatileToCalmThreshold;
    private readonly ulong _focusThreshold;
    private readonly ulong _buyThreshold;
    private readonly ulong _buyWithUpTrendThreshold;
    private readonly ulong _buyWithDownTrendThreshold;
    private readonly double _volatileVolMultiplier;
    private readonly double _volatileSpreadMultiplier;
    private readonly double _meanReversionRate;
    private readonly double _sqrtTwoReversionRate;
    private readonly double _jumpRatePerSec;
    private readonly double _jumpSigma;
    private readonly double _jumpPermanentProbability;
    private readonly double _jumpTrendProbability;
    private readonly double _trendRatePerSec;
    private readonly double _trendMeanDurationSec;
    private readonly double _trendDriftPerSec;
    private readonly double _breakoutExcitation;
    private readonly int _breakoutFocusEvents;

    // the rare draws (ziggurat rejections, jumps, trend starts, the size tail): one scalar stream
    private SimulationRandom _random;
    private int _blockEvent = EventDrawSlots.EventsPerBlock;
    // the block's arrivals and instruments, planned ahead (PlanBlock); a breakout re-plans the rest
    private readonly PlannedEvent[] _plan = new PlannedEvent[EventDrawSlots.EventsPerBlock];
    // e^(−β·gap) of each event's baseline gap: independent of the excitation, so computed for the block at once
    private readonly double[] _baselineDecayArgument = new double[EventDrawSlots.EventsPerBlock];
    private readonly double[] _baselineDecay = new double[EventDrawSlots.EventsPerBlock];
    private bool _planStale;
    private long _elapsedNs;
    private double _excitation;
    private int _lastInstrument;
    private int _focusInstrument;
    private int _focusEventsLeft;
    private long _nextTradeId = 1;
    private long _eventCount;
    private long _breakoutCount;

    public MarketSimulator(SimulatorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();

        int count = config.Instruments.Count;
        _instruments = new SimulatedInstrumentState[count];
        var weights = new double[count];
        // instruments with the same size parameters share one table (the default config: three for all)
        var sizeTables = new Dictionary<(double Mu, double Sigma, double Multiplier), LotSizeDistribution>();
        for (int i = 0; i < count; i++)
        {
            SimulatedInstrumentConfig instrument = config.Instruments[i];
            double startTicks = (double)instrument.StartPrice / instrument.TickSize;
            _instruments[i] = new SimulatedInstrumentState
            {
                TickSize = instrument.TickSize,
                LotSize = instrument.LotSize,
                MaxTicks = Math.Floor((long.MaxValue / 4.0) / instrument.TickSize),
                FairSigmaPerSqrtSec = instrument.AnnualVolatility / Math.Sqrt(TradingSecondsPerYear),
                NoiseStd = config.NoiseBps * 1e-4,
                BaseSpreadTicks = instrument.BaseSpreadTicks,
                // the deterministic log even at set-up: every input to the event stream must be platform-independent
                QuoteSizes = SizeTable(sizeTables, DeterministicMath.Log(instrument.QuoteSizeMedianLots), config.QuoteSizeSigma, 1.0),
                TradeSizes = SizeTable(sizeTables, DeterministicMath.Log(instrument.TradeSizeMedianLots), config.TradeSizeSigma, 1.0),
                BreakoutTradeSizes = SizeTable(
                    sizeTables, DeterministicMath.Log(instrument.TradeSizeMedianLots), config.TradeSizeSigma, config.BreakoutTradeSizeMultiplier),
                MidTicks = startTicks,
                Regime = VolatilityRegime.Calm,
            };
            weights[i] = instrument.ActivityWeight;
        }

        _instrumentTable = new AliasTable(weights);
        _startEpochNs = config.StartEpochNs;
        _baseMeanGapNs = NanosPerSecond / config.BaseEventRatePerSec;
        _decayPerMeanGap = config.HawkesDecayPerSec / config.BaseEventRatePerSec;
        _nanosPerDecay = NanosPerSecond / config.HawkesDecayPerSec;
        _hawkesDecay = config.HawkesDecayPerSec;
        _hawkesJump = config.HawkesBranchingRatio * config.HawkesDecayPerSec;
        _clusterThreshold = Threshold(config.ClusterProbability);
        _tradeThreshold = Threshold(config.TradeProbability);
        _focusedTradeThreshold = Threshold(2 * config.TradeProbability);
        _calmToVolatileThreshold = Threshold(config.CalmToVolatileProbability);
        _volatileToCalmThreshold = Threshold(config.VolatileToCalmProbability);
        _focusThreshold = Threshold(config.BreakoutFocusProbability);
        _buyThreshold = Threshold(0.5);
        _buyWithUpTrendThreshold = Threshold(0.5 + config.TrendFlowImbalance);
        _buyWithDownTrendThreshold = Threshold(0.5 - config.TrendFlowImbalance);
        _volatileVolMultiplier = config.VolatileVolMultiplier;
        _volatileSpreadMultiplier = config.VolatileSpreadMultiplier;
        _meanReversionRate = 0.6931471805599453 / config.MeanReversionHalfLifeSec;
        _sqrtTwoReversionRate = Math.Sqrt(2.0 * _meanReversionRate);
        _jumpRatePerSec = config.JumpRatePerHour / SecondsPerHour;
        _jumpSigma = config.JumpSigma;
        _jumpPermanentProbability = config.JumpPermanentProbability;
        _jumpTrendProbability = config.JumpTrendProbability;
        _trendRatePerSec = config.TrendRatePerHour / SecondsPerHour;
        _trendMeanDurationSec = config.TrendMeanDurationSec;
        _trendDriftPerSec = config.TrendDriftPerHour / SecondsPerHour;
        _breakoutExcitation = config.BreakoutExcitationPerSec;
        _breakoutFocusEvents = config.BreakoutFocusEvents;
        // the scalar stream takes SplitMix64(seed)'s first four outputs (as SimulationRandom(seed) does), the
        // block generator's eight lanes the next 32
        _random = new SimulationRandom(config.Seed);
        var seeder = new SplitMix64(config.Seed);
        for (int i = 0; i < 4; i++)
        {
            seeder.Next();
        }

        _block = new EventDrawBlock(new Xoshiro256StarStarX8(ref seeder));
    }

    public int InstrumentCount => _instruments.Length;

    /// <summary>Events produced so far.</summary>
    public long EventCount => _eventCount;

    /// <summary>Jumps and trend starts so far (each one a volume spike).</summary>
    public long BreakoutCount => _breakoutCount;

    /// <summary>Simulated time of the last event, ns since the Unix epoch.</summary>
    public long ExchangeTimeNs => _startEpochNs + _elapsedNs;

    public VolatilityRegime RegimeOf(int instrumentId) => _instruments[instrumentId].Regime;

    /// <summary>Fills <paramref name="destination"/> with the next events.</summary>
    /// <returns>destination.Length.</returns>
    public int Generate(Span<SimulatedEvent> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            Next(out destination[i]);
        }

        return destination.Length;
    }

    /// <summary>Streams the next <paramref name="count"/> events into <paramref name="handler"/>.</summary>
    public int Generate<THandler>(ref THandler handler, int count)
        where THandler : struct, ISimulatedEventHandler
    {
        for (int i = 0; i < count; i++)
        {
            Next(out SimulatedEvent simulatedEvent);
            handler.OnEvent(in simulatedEvent);
        }

        return count;
    }

    /// <summary>Produces the next event: advances simulated time, picks the instrument, then quote or trade.</summary>
    public void Next(out SimulatedEvent simulatedEvent)
    {
        if (_blockEvent == EventDrawSlots.EventsPerBlock)
        {
            StartBlock();
        }
        else if (_planStale)
        {
            PlanBlock(_blockEvent);
        }

        // this event's row of draws and plan; the index stays below EventsPerBlock, so no bounds check is needed
        int blockEvent = _blockEvent++;
        ref ulong draws = ref _block.RawRow(blockEvent);
        ref PlannedEvent plan = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_plan), blockEvent);
        _elapsedNs += plan.GapNs;
        _excitation = plan.ExcitationAfter;
        _focusEventsLeft = plan.FocusEventsLeftAfter;
        int id = plan.Instrument;
        bool focused = plan.Focused;
        _lastInstrument = id;
        // the plan holds indices into the instruments: no bounds check
        ref SimulatedInstrumentState state = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_instruments), id);

        simulatedEvent = default;
        simulatedEvent.InstrumentId = id;
        simulatedEvent.ExchangeTs = _startEpochNs + _elapsedNs;

        // an instrument's first event is a quote: a trade prints at the published top of book
        ulong kind = Draw(ref draws, EventDrawSlots.Kind);
        if (state.HasQuote && (uint)kind < (focused ? _focusedTradeThreshold : _tradeThreshold))
        {
            NextTrade(ref state, focused, (uint)(kind >> 32), ref draws, ref simulatedEvent);
        }
        else
        {
            NextQuote(ref state, id, (uint)(kind >> 32), blockEvent, ref draws, ref simulatedEvent);
        }

        simulatedEvent.Regime = state.Regime;
        simulatedEvent.BidPrice = state.BidPrice;
        simulatedEvent.AskPrice = state.AskPrice;
        simulatedEvent.BidSize = state.BidSize;
        simulatedEvent.AskSize = state.AskSize;
        _eventCount++;
    }

    /// <summary>The next 64 events' draws, their baseline gaps' decay factors (one vector pass) and their plan.</summary>
    private void StartBlock()
    {
        _block.Refill(ref _random);
        _blockEvent = 0;
        ReadOnlySpan<double> variates = _block.Variates;
        for (int e = 0; e < _baselineDecayArgument.Length; e++)
        {
            _baselineDecayArgument[e] = -variates[4 * e + EventDrawSlots.BaselineArrival] * _decayPerMeanGap;
        }

        DeterministicMath.ExpTableDriven(_baselineDecayArgument, _baselineDecay);
        PlanBlock(0);
    }

    /// <summary>
    /// Exact simulation of the next Hawkes arrival (Dassios and Zhao 2013): the earlier of the baseline's
    /// exponential arrival and the excitation's own arrival, then the excitation decays over the gap and
    /// jumps by α. No thinning, so each event costs a fixed, small number of draws. The excitation's arrival
    /// is the t with e^(−βt) = 1 − β·E/λ (E standard exponential); it comes first exactly when
    /// β·E &lt; λ − λ·e^(−β·gap), a comparison with no divide. When it wins the excitation decays to
    /// λ·(1 − βE/λ) = λ − βE, again no divide, and only the gap itself needs βE/λ and a log1p — off the
    /// excitation's event-to-event dependency chain.
    /// <para>
    /// The arrivals depend only on the block's variates and the excitation, and the instruments (below) only
    /// on the draws, the previous instrument and the focus window, so both are planned for the rest of the
    /// block in one tight loop (the Exp, divide and log1p of different events overlap) instead of heading each
    /// event's critical path. A breakout changes the excitation and the focus window, and the rest of the
    /// block is re-planned from there, so the sequence is exactly the event-by-event one.
    /// </para>
    /// <para>
    /// Which instrument: during a breakout's focus window the breaking instrument with the focus probability;
    /// otherwise the previous event's instrument with the cluster probability; otherwise one drawn by
    /// activity weight (alias table). All three come from fixed draws, so the choice is a select.
    /// </para>
    /// </summary>
    private void PlanBlock(int from)
    {
        double lambda = _excitation;
        int last = _lastInstrument;
        int focusLeft = _focusEventsLeft;
        int focus = _focusInstrument;
        // locals, not fields, in the loop: the stores into the plan would otherwise make the JIT reload them
        double hawkesDecay = _hawkesDecay;
        double hawkesJump = _hawkesJump;
        ReadOnlySpan<double> baselineDecay = _baselineDecay;
        double nanosPerDecay = _nanosPerDecay;
        double baseMeanGapNs = _baseMeanGapNs;
        ulong clusterThreshold = _clusterThreshold;
        ulong focusThreshold = _focusThreshold;
        AliasTable instruments = _instrumentTable;
        ReadOnlySpan<double> variates = _block.Variates;
        ReadOnlySpan<ulong> raw = _block.Raw;
        Span<PlannedEvent> planned = _plan;
        for (int e = from; e < planned.Length; e++)
        {
            ref PlannedEvent plan = ref planned[e];
            double baseline = variates[4 * e + EventDrawSlots.BaselineArrival];
            double arrivalMass = hawkesDecay * variates[4 * e + EventDrawSlots.ExcitationArrival];
            double decayed = lambda * baselineDecay[e];
            // which arrival comes first is a coin the predictor cannot learn (~70/30): select, don't branch. The
            // excitation's own arrival is only evaluated for real when it wins (else ln 1 = 0), so a zero
            // excitation's ∞ or NaN ratio never reaches the log
            Vector128<double> wins = Vector128.LessThan(Vector128.CreateScalarUnsafe(arrivalMass), Vector128.CreateScalarUnsafe(lambda - decayed));
            // ln(1 − y), y = βE/λ, as 2·atanh(s) with s = −y/(2 − y) = −βE/(2λ − βE): one divide, a short series
            double s = Vector128.ConditionalSelect(
                wins, Vector128.CreateScalarUnsafe(-arrivalMass / (2.0 * lambda - arrivalMass)), Vector128<double>.Zero).ToScalar();
            double winGapNs = -DeterministicMath.TwoAtanh(s) * nanosPerDecay;
            double gapNs = Vector128.ConditionalSelect(
                wins, Vector128.CreateScalarUnsafe(winGapNs), Vector128.CreateScalarUnsafe(baseline * baseMeanGapNs)).ToScalar();
            lambda = Vector128.ConditionalSelect(
                wins, Vector128.CreateScalarUnsafe(lambda - arrivalMass), Vector128.CreateScalarUnsafe(decayed)).ToScalar() + hawkesJump;

            // at least 1 ns so exchangeTs is strictly increasing (the engine rejects duplicates)
            plan.GapNs = Math.Max((long)gapNs, 1);
            plan.ExcitationAfter = lambda;

            ulong routing = raw[EventDrawSlots.RawPerEvent * e + EventDrawSlots.Routing];
            int drawn = instruments.Sample(raw[EventDrawSlots.RawPerEvent * e + EventDrawSlots.Instrument]);
            int id = (uint)routing < clusterThreshold ? last : drawn;
            bool focusOpen = focusLeft > 0;
            id = focusOpen && (routing >> 32) < focusThreshold ? focus : id;
            plan.Instrument = id;
            plan.Focused = focusOpen && id == focus;
            focusLeft -= focusOpen ? 1 : 0;
            plan.FocusEventsLeftAfter = focusLeft;
            last = id;
        }

        _planStale = false;
    }

    private void NextQuote(
        ref SimulatedInstrumentState state, int id, uint regimeBits, int blockEvent, ref ulong draws, ref SimulatedEvent simulatedEvent)
    {
        simulatedEvent.Kind = SimulatedEventKind.Quote;
        double dt = (_elapsedNs - state.LastUpdateNs) * SecondsPerNano;
        state.LastUpdateNs = _elapsedNs;

        // Markov regime switch on the instrument's event clock
        if (state.Regime == VolatilityRegime.Calm)
        {
            if (regimeBits < _calmToVolatileThreshold)
            {
                state.Regime = VolatilityRegime.Volatile;
            }
        }
        else if (regimeBits < _volatileToCalmThreshold)
        {
            state.Regime = VolatilityRegime.Calm;
        }

        double volMultiplier = state.Regime == VolatilityRegime.Volatile ? _volatileVolMultiplier : 1.0;
        ulong spreadAndTrend = Draw(ref draws, EventDrawSlots.SpreadAndTrend);
        // the mid's log moves outside the Ornstein-Uhlenbeck step: trend drift and jumps
        double shift = 0;

        // trending episode: the fair value drifts; the lagging mid makes the move a momentum pattern
        if (state.TrendRemainingSec > 0)
        {
            double trendDt = dt < state.TrendRemainingSec ? dt : state.TrendRemainingSec;
            shift = state.TrendDriftPerSec * trendDt;
            state.TrendRemainingSec -= dt;
        }
        else if (Below((uint)(spreadAndTrend >> 32), _trendRatePerSec * dt))
        {
            StartTrend(ref state, id, _random.NextBool(0.5) ? 1.0 : -1.0);
        }

        // Poisson jump: permanent ones move the fair value (breakout), transient ones dislocate the mid (reverts)
        if (Below((uint)Draw(ref draws, EventDrawSlots.Jump), _jumpRatePerSec * dt))
        {
            shift += Jump(ref state, id, volMultiplier);
        }

        // The step's log move: fair value σ·√dt·Z₁ (Brownian in log price) plus the deviation's exact
        // Ornstein-Uhlenbeck step dev·(e^(−u) − 1) + s·√(1 − e^(−2u))·Z₂, u = κ·dt, s = NoiseStd·volMultiplier.
        // Grouped so one √dt is the only long-latency step between the event's time and the mid: everything
        // multiplied by √dt is ready when the square root is.
        double sqrtDt = Math.Sqrt(dt);
        double fairPerSqrtDt = state.FairSigmaPerSqrtSec * volMultiplier * _block.Normal(blockEvent, EventDrawSlots.FairValue);
        double noiseScale = state.NoiseStd * volMultiplier * _block.Normal(blockEvent, EventDrawSlots.Deviation);
        double reversion = _meanReversionRate * dt;
        double deviation = state.Deviation;
        double deviationMove;
        double logMove;
        if (reversion < ReversionSeriesBound)
        {
            // √(1 − e^(−2u)) = √(2κ)·√dt·h(u), h(u) = √((1 − e^(−2u))/(2u)) = 1 − u/2 + 5u²/24 − u³/16 + 79u⁴/5760
            // − 3u⁵/1280 (next term below 1e-17 here): the √dt above serves both, no second square root
            double u2 = reversion * reversion;
            double h = (1.0 + reversion * (-1.0 / 2)) + u2 * ((5.0 / 24 + reversion * (-1.0 / 16))
                + u2 * (79.0 / 5760 + reversion * (-3.0 / 1280)));
            double noisePerSqrtDt = noiseScale * (_sqrtTwoReversionRate * h);
            double reverted = deviation * DeterministicMath.ExpM1(-reversion);
            deviationMove = reverted + sqrtDt * noisePerSqrtDt;
            logMove = (reverted + shift) + sqrtDt * (fairPerSqrtDt + noisePerSqrtDt);
        }
        else
        {
            double decay = DeterministicMath.Exp(-reversion);
            deviationMove = deviation * (decay - 1.0) + noiseScale * Math.Sqrt(1.0 - decay * decay);
            logMove = (deviationMove + shift) + sqrtDt * fairPerSqrtDt;
        }

        state.Deviation = deviation + deviationMove;

        // the mid carried multiplicatively, mid ← mid·e^(log move): the move is tiny, so its Exp takes the short
        // polynomial path; the clamp keeps a runaway walk's published price inside the fixed-point range
        double midTicks = state.MidTicks * DeterministicMath.Exp(logMove);
        state.MidTicks = midTicks;
        midTicks = Math.Min(midTicks, state.MaxTicks);

        // spread widens with volatility; floor(x + U) randomises a fractional spread between its neighbours
        double spreadMultiplier = state.Regime == VolatilityRegime.Volatile ? _volatileSpreadMultiplier : 1.0;
        // truncation is floor here: the argument is ≥ 1
        long spreadTicks = (long)(state.BaseSpreadTicks * spreadMultiplier + (uint)spreadAndTrend * UnitScale32);
        if (spreadTicks < 1)
        {
            spreadTicks = 1;
        }

        // truncation differs from floor only below 0, where both are clamped to one tick
        long bidTicks = (long)(midTicks + (0.5 - 0.5 * spreadTicks));
        if (bidTicks < 1)
        {
            bidTicks = 1;
        }

        state.BidPrice = bidTicks * state.TickSize;
        state.AskPrice = (bidTicks + spreadTicks) * state.TickSize;
        state.BidSize = state.QuoteSizes.Sample(Draw(ref draws, EventDrawSlots.BidOrTradeSize), ref _random) * state.LotSize;
        state.AskSize = state.QuoteSizes.Sample(Draw(ref draws, EventDrawSlots.AskSize), ref _random) * state.LotSize;
        state.HasQuote = true;
        Debug.Assert(state.BidPrice > 0 && state.AskPrice > state.BidPrice, "Invariant: quote positive, not crossed");
    }

    // a few jumps an hour per instrument: out of line, its draws from the scalar stream; returns the mid's log move
    // (a permanent jump moves the fair value, a transient one the deviation, which then reverts)
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double Jump(ref SimulatedInstrumentState state, int id, double volMultiplier)
    {
        double jump = _jumpSigma * volMultiplier * _random.NextNormal();
        if (_random.NextBool(_jumpPermanentProbability))
        {
            Breakout(id);
            if (_random.NextBool(_jumpTrendProbability))
            {
                StartTrend(ref state, id, jump >= 0 ? 1.0 : -1.0);
            }

            return jump;
        }

        state.Deviation += jump;
        return jump;
    }

    private void NextTrade(ref SimulatedInstrumentState state, bool focused, uint aggressorBits, ref ulong draws, ref SimulatedEvent simulatedEvent)
    {
        simulatedEvent.Kind = SimulatedEventKind.Trade;
        // order flow leans with an active trend: more buyers lifting the ask in an up trend (selects, not
        // branches: in-trend and the aggressor are coins across events)
        ulong trendThreshold = state.TrendDriftPerSec > 0 ? _buyWithUpTrendThreshold : _buyWithDownTrendThreshold;
        ulong buyThreshold = state.TrendRemainingSec > 0 ? trendThreshold : _buyThreshold;
        bool buy = aggressorBits < buyThreshold;
        long askPrice = state.AskPrice;
        long bidPrice = state.BidPrice;
        simulatedEvent.Aggressor = buy ? AggressorSide.Buy : AggressorSide.Sell;
        simulatedEvent.TradePrice = buy ? askPrice : bidPrice;
        LotSizeDistribution sizes = focused ? state.BreakoutTradeSizes : state.TradeSizes;
        simulatedEvent.TradeSize = sizes.Sample(Draw(ref draws, EventDrawSlots.BidOrTradeSize), ref _random) * state.LotSize;
        simulatedEvent.TradeId = _nextTradeId++;
    }

    private void StartTrend(ref SimulatedInstrumentState state, int id, double direction)
    {
        state.TrendDriftPerSec = direction * _trendDriftPerSec;
        state.TrendRemainingSec = _random.NextExponential(_trendMeanDurationSec);
        Breakout(id);
    }

    /// <summary>A volume spike: the feed's intensity jumps and the instrument draws extra flow for a while.</summary>
    private void Breakout(int id)
    {
        _excitation += _breakoutExcitation;
        _planStale = true;
        _focusInstrument = id;
        _focusEventsLeft = _breakoutFocusEvents;
        _breakoutCount++;
    }

    private static LotSizeDistribution SizeTable(
        Dictionary<(double Mu, double Sigma, double Multiplier), LotSizeDistribution> tables, double mu, double sigma, double multiplier)
    {
        if (!tables.TryGetValue((mu, sigma, multiplier), out LotSizeDistribution? table))
        {
            table = new LotSizeDistribution(mu, sigma, multiplier);
            tables.Add((mu, sigma, multiplier), table);
        }

        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Draw(ref ulong row, int slot) => Unsafe.Add(ref row, slot);

    /// <summary>⌈p·2^32⌉ (p·2^32 is exact): a 32-bit draw is below it exactly when <see cref="Below"/> says so.</summary>
    private static ulong Threshold(double probability) => (ulong)Math.Ceiling(probability * 4294967296.0);

    /// <summary>A coin from 32 random bits: true with probability p (to 2^-32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Below(uint bits, double probability) => bits * UnitScale32 < probability;
}
