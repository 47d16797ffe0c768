using System.Diagnostics;
using System.Runtime.CompilerServices;
using Llt.Sbe;

namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// The embedded default feed's model: a deterministic, seedable generator of quotes and trades for many
/// instruments (docs/SIMULATOR.md). Arrivals follow one Hawkes process with an exponential kernel (bursty,
/// self-exciting) sampled exactly; each instrument's log fair value is a random walk with Markov volatility
/// regimes, Poisson jumps and trending episodes, and its mid reverts to the fair value (Ornstein-Uhlenbeck),
/// so mean-reversion and momentum-breakout strategies both find their patterns. Every price is on the
/// instrument's tick grid, positive, and every quote has bid &lt; ask with a spread of at least one tick.
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

    private readonly SimulatedInstrumentState[] _instruments;
    // Vose's alias table over the activity weights: an O(1), nearly branch-free draw of the next instrument
    private readonly double[] _aliasThreshold;
    private readonly int[] _alias;
    private readonly long _startEpochNs;
    private readonly double _baseMeanGapSec;
    private readonly double _hawkesJump;
    private readonly double _hawkesDecay;
    private readonly double _clusterProbability;
    private readonly double _tradeProbability;
    private readonly double _calmToVolatile;
    private readonly double _volatileToCalm;
    private readonly double _volatileVolMultiplier;
    private readonly double _volatileSpreadMultiplier;
    private readonly double _meanReversionRate;
    private readonly double _jumpRatePerSec;
    private readonly double _jumpSigma;
    private readonly double _jumpPermanentProbability;
    private readonly double _jumpTrendProbability;
    private readonly double _trendRatePerSec;
    private readonly double _trendMeanDurationSec;
    private readonly double _trendDriftPerSec;
    private readonly double _trendFlowImbalance;
    private readonly double _breakoutExcitation;
    private readonly int _breakoutFocusEvents;
    private readonly double _breakoutFocusProbability;
    private readonly double _breakoutTradeSizeMultiplier;
    private readonly double _quoteSizeSigma;
    private readonly double _tradeSizeSigma;

    private SimulationRandom _random;
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
        for (int i = 0; i < count; i++)
        {
            SimulatedInstrumentConfig instrument = config.Instruments[i];
            double startTicks = (double)instrument.StartPrice / instrument.TickSize;
            _instruments[i] = new SimulatedInstrumentState
            {
                TickSize = instrument.TickSize,
                LotSize = instrument.LotSize,
                StartTicks = startTicks,
                MaxTicks = Math.Floor((long.MaxValue / 4.0) / instrument.TickSize),
                FairSigmaPerSqrtSec = instrument.AnnualVolatility / Math.Sqrt(TradingSecondsPerYear),
                NoiseStd = config.NoiseBps * 1e-4,
                BaseSpreadTicks = instrument.BaseSpreadTicks,
                // the deterministic log even at set-up: every input to the event stream must be platform-independent
                LogQuoteSizeMedian = DeterministicMath.Log(instrument.QuoteSizeMedianLots),
                LogTradeSizeMedian = DeterministicMath.Log(instrument.TradeSizeMedianLots),
                Regime = VolatilityRegime.Calm,
            };
            weights[i] = instrument.ActivityWeight;
        }

        _aliasThreshold = new double[count];
        _alias = new int[count];
        BuildAliasTable(weights, _aliasThreshold, _alias);
        _startEpochNs = config.StartEpochNs;
        _baseMeanGapSec = 1.0 / config.BaseEventRatePerSec;
        _hawkesDecay = config.HawkesDecayPerSec;
        _hawkesJump = config.HawkesBranchingRatio * config.HawkesDecayPerSec;
        _clusterProbability = config.ClusterProbability;
        _tradeProbability = config.TradeProbability;
        _calmToVolatile = config.CalmToVolatileProbability;
        _volatileToCalm = config.VolatileToCalmProbability;
        _volatileVolMultiplier = config.VolatileVolMultiplier;
        _volatileSpreadMultiplier = config.VolatileSpreadMultiplier;
        _meanReversionRate = 0.6931471805599453 / config.MeanReversionHalfLifeSec;
        _jumpRatePerSec = config.JumpRatePerHour / SecondsPerHour;
        _jumpSigma = config.JumpSigma;
        _jumpPermanentProbability = config.JumpPermanentProbability;
        _jumpTrendProbability = config.JumpTrendProbability;
        _trendRatePerSec = config.TrendRatePerHour / SecondsPerHour;
        _trendMeanDurationSec = config.TrendMeanDurationSec;
        _trendDriftPerSec = config.TrendDriftPerHour / SecondsPerHour;
        _trendFlowImbalance = config.TrendFlowImbalance;
        _breakoutExcitation = config.BreakoutExcitationPerSec;
        _breakoutFocusEvents = config.BreakoutFocusEvents;
        _breakoutFocusProbability = config.BreakoutFocusProbability;
        _breakoutTradeSizeMultiplier = config.BreakoutTradeSizeMultiplier;
        _quoteSizeSigma = config.QuoteSizeSigma;
        _tradeSizeSigma = config.TradeSizeSigma;
        _random = new SimulationRandom(config.Seed);
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
        _elapsedNs += NextGapNs();
        int id = PickInstrument();
        ref SimulatedInstrumentState state = ref _instruments[id];
        bool focused = _focusEventsLeft > 0 && id == _focusInstrument;
        if (_focusEventsLeft > 0)
        {
            _focusEventsLeft--;
        }

        simulatedEvent = default;
        simulatedEvent.InstrumentId = id;
        simulatedEvent.ExchangeTs = _startEpochNs + _elapsedNs;

        // an instrument's first event is a quote: a trade prints at the published top of book
        if (state.HasQuote && _random.NextBool(focused ? 2 * _tradeProbability : _tradeProbability))
        {
            NextTrade(ref state, focused, ref simulatedEvent);
        }
        else
        {
            NextQuote(ref state, id, ref simulatedEvent);
        }

        simulatedEvent.Regime = state.Regime;
        simulatedEvent.BidPrice = state.BidPrice;
        simulatedEvent.AskPrice = state.AskPrice;
        simulatedEvent.BidSize = state.BidSize;
        simulatedEvent.AskSize = state.AskSize;
        _lastInstrument = id;
        _eventCount++;
    }

    /// <summary>
    /// Exact simulation of the next Hawkes arrival (Dassios and Zhao 2013): the earlier of the baseline's
    /// exponential arrival and the excitation's own arrival, then the excitation decays over the gap and
    /// jumps by α. No thinning, so each event costs a fixed, small number of draws. The excitation's arrival
    /// is the t with e^(−βt) = d = 1 − β·E/λ (E standard exponential); it comes first exactly when
    /// d &gt; e^(−β·gap), so the decay factor doubles as the comparison and the Log is only taken when it wins.
    /// </summary>
    private long NextGapNs()
    {
        double gapSec = _random.NextStandardExponential() * _baseMeanGapSec;
        double decayFactor = 0;
        if (_excitation > 1e-12)
        {
            double d = 1.0 - _hawkesDecay * _random.NextStandardExponential() / _excitation;
            decayFactor = DeterministicMath.Exp(-_hawkesDecay * gapSec);
            if (d > decayFactor)
            {
                gapSec = -DeterministicMath.Log(d) / _hawkesDecay;
                decayFactor = d;
            }
        }

        // at least 1 ns so exchangeTs is strictly increasing (the engine rejects duplicates)
        long gapNs = (long)(gapSec * NanosPerSecond);
        if (gapNs < 1)
        {
            gapNs = 1;
        }

        _excitation = _excitation * decayFactor + _hawkesJump;
        return gapNs;
    }

    private int PickInstrument()
    {
        if (_focusEventsLeft > 0 && _random.NextBool(_breakoutFocusProbability))
        {
            return _focusInstrument;
        }

        if (_random.NextBool(_clusterProbability))
        {
            return _lastInstrument;
        }

        // one draw for both: the high word of u·n is the column, the low word (the fraction u·n − column,
        // uniform given the column) decides column or alias; the bias is below n/2^64
        ulong high = Math.BigMul(_random.NextUInt64(), (ulong)_alias.Length, out ulong low);
        int column = (int)high;
        return (low >> 11) * (1.0 / (1UL << 53)) < _aliasThreshold[column] ? column : _alias[column];
    }

    private void NextQuote(ref SimulatedInstrumentState state, int id, ref SimulatedEvent simulatedEvent)
    {
        simulatedEvent.Kind = SimulatedEventKind.Quote;
        double dt = (_elapsedNs - state.LastUpdateNs) * SecondsPerNano;
        state.LastUpdateNs = _elapsedNs;

        // Markov regime switch on the instrument's event clock
        if (state.Regime == VolatilityRegime.Calm)
        {
            if (_random.NextBool(_calmToVolatile))
            {
                state.Regime = VolatilityRegime.Volatile;
            }
        }
        else if (_random.NextBool(_volatileToCalm))
        {
            state.Regime = VolatilityRegime.Calm;
        }

        double volMultiplier = state.Regime == VolatilityRegime.Volatile ? _volatileVolMultiplier : 1.0;

        // trending episode: the fair value drifts; the lagging mid makes the move a momentum pattern
        if (state.TrendRemainingSec > 0)
        {
            double trendDt = dt < state.TrendRemainingSec ? dt : state.TrendRemainingSec;
            state.LogFair += state.TrendDriftPerSec * trendDt;
            state.TrendRemainingSec -= dt;
        }
        else if (_random.NextBool(_trendRatePerSec * dt))
        {
            StartTrend(ref state, id, _random.NextBool(0.5) ? 1.0 : -1.0);
        }

        // fair value: Brownian in log price, σ·√dt
        state.LogFair += state.FairSigmaPerSqrtSec * volMultiplier * Math.Sqrt(dt) * _random.NextNormal();

        // Poisson jump: permanent ones move the fair value (breakout), transient ones dislocate the mid (reverts)
        if (_random.NextBool(_jumpRatePerSec * dt))
        {
            double jump = _jumpSigma * volMultiplier * _random.NextNormal();
            if (_random.NextBool(_jumpPermanentProbability))
            {
                state.LogFair += jump;
                Breakout(id);
                if (_random.NextBool(_jumpTrendProbability))
                {
                    StartTrend(ref state, id, jump >= 0 ? 1.0 : -1.0);
                }
            }
            else
            {
                state.Deviation += jump;
            }
        }

        // mid − fair: exact Ornstein-Uhlenbeck step, stationary std NoiseStd·volMultiplier
        double decay = DeterministicMath.Exp(-_meanReversionRate * dt);
        double noise = state.NoiseStd * volMultiplier * Math.Sqrt(1.0 - decay * decay);
        state.Deviation = state.Deviation * decay + noise * _random.NextNormal();

        double midTicks = state.StartTicks * DeterministicMath.Exp(state.LogFair + state.Deviation);
        if (!(midTicks < state.MaxTicks))
        {
            midTicks = state.MaxTicks;
        }

        // spread widens with volatility; floor(x + U) randomises a fractional spread between its neighbours
        double spreadMultiplier = state.Regime == VolatilityRegime.Volatile ? _volatileSpreadMultiplier : 1.0;
        long spreadTicks = (long)Math.Floor(state.BaseSpreadTicks * spreadMultiplier + _random.NextDouble());
        if (spreadTicks < 1)
        {
            spreadTicks = 1;
        }

        long bidTicks = (long)Math.Floor(midTicks - 0.5 * spreadTicks + 0.5);
        if (bidTicks < 1)
        {
            bidTicks = 1;
        }

        state.BidPrice = bidTicks * state.TickSize;
        state.AskPrice = (bidTicks + spreadTicks) * state.TickSize;
        state.BidSize = SampleLots(state.LogQuoteSizeMedian, _quoteSizeSigma, 1.0) * state.LotSize;
        state.AskSize = SampleLots(state.LogQuoteSizeMedian, _quoteSizeSigma, 1.0) * state.LotSize;
        state.HasQuote = true;
        Debug.Assert(state.BidPrice > 0 && state.AskPrice > state.BidPrice, "Invariant: quote positive, not crossed");
    }

    private void NextTrade(ref SimulatedInstrumentState state, bool focused, ref SimulatedEvent simulatedEvent)
    {
        simulatedEvent.Kind = SimulatedEventKind.Trade;
        // order flow leans with an active trend: more buyers lifting the ask in an up trend
        double buyProbability = 0.5;
        if (state.TrendRemainingSec > 0)
        {
            buyProbability += state.TrendDriftPerSec > 0 ? _trendFlowImbalance : -_trendFlowImbalance;
        }

        bool buy = _random.NextBool(buyProbability);
        simulatedEvent.Aggressor = buy ? AggressorSide.Buy : AggressorSide.Sell;
        simulatedEvent.TradePrice = buy ? state.AskPrice : state.BidPrice;
        double sizeMultiplier = focused ? _breakoutTradeSizeMultiplier : 1.0;
        simulatedEvent.TradeSize = SampleLots(state.LogTradeSizeMedian, _tradeSizeSigma, sizeMultiplier) * state.LotSize;
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
        _focusInstrument = id;
        _focusEventsLeft = _breakoutFocusEvents;
        _breakoutCount++;
    }

    /// <summary>
    /// Vose's alias method: column i keeps itself with probability threshold[i] and otherwise yields alias[i],
    /// which together reproduce the weights exactly. Built once; deterministic (stable work-list order).
    /// </summary>
    private static void BuildAliasTable(double[] weights, double[] threshold, int[] alias)
    {
        int n = weights.Length;
        double total = 0;
        foreach (double weight in weights)
        {
            total += weight;
        }

        var scaled = new double[n];
        var small = new Stack<int>(n);
        var large = new Stack<int>(n);
        for (int i = n - 1; i >= 0; i--)
        {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1.0 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            int less = small.Pop();
            int more = large.Pop();
            threshold[less] = scaled[less];
            alias[less] = more;
            scaled[more] = (scaled[more] + scaled[less]) - 1.0;
            (scaled[more] < 1.0 ? small : large).Push(more);
        }

        // what is left is 1 up to rounding: those columns always keep themselves
        while (large.Count > 0)
        {
            int i = large.Pop();
            threshold[i] = 1.0;
            alias[i] = i;
        }

        while (small.Count > 0)
        {
            int i = small.Pop();
            threshold[i] = 1.0;
            alias[i] = i;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long SampleLots(double logMedian, double sigma, double multiplier)
    {
        double lots = Math.Floor(multiplier * _random.NextLogNormal(logMedian, sigma) + 0.5);
        // at least one lot; capped far above any plausible size so the product with the lot size cannot overflow
        return lots < 1 ? 1 : lots > 1e9 ? 1_000_000_000 : (long)lots;
    }
}
