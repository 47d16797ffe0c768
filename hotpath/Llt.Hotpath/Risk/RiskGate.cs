using System.Runtime.CompilerServices;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Risk;

/// <summary>
/// Pre-trade risk gate: every order from every source passes <see cref="Check"/> before it is sent. Every check is
/// O(1) against state the gate keeps itself through the <c>On*</c> hooks, with no allocation and no exceptions.
/// Checks run in a fixed order and the first failure is the answer (docs/RISK_GUIDE.md lists each one).
/// Owned by the trading thread; other threads reach it only through the command ring.
/// </summary>
/// <example>
/// <code>
/// RejectReason reason = gate.Check(strategyId, in order, nowNs);
/// if (reason == RejectReason.None) { send(order, clOrdId); gate.OnOrderAccepted(strategyId, in order, clOrdId); }
/// if (gate.TryTakeBreach(out RiskBreach breach)) { journal(breach); }
/// </code>
/// </example>
public sealed class RiskGate
{
    /// <summary>Token-bucket tokens are held in token-nanoseconds so refill (elapsedNs × rate) stays integer.</summary>
    public const long TokenScale = 1_000_000_000;

    /// <summary>Length of <see cref="RejectCounts"/>: room for every <see cref="RejectReason"/> value (uint8 enum, ≤ 31 used).</summary>
    public const int RejectCountSlots = 32;

    private const long NoBid = long.MinValue;
    private const long NoAsk = long.MaxValue;

    private readonly RiskLimits _limits;
    private readonly KillSwitch _killSwitch;
    private readonly OpenOrderTable _orders;
    private readonly int _instrumentCount;
    private readonly int _strategyCount;
    // State in structs, one per instrument, per (strategy, instrument) and per strategy, rather than an array per
    // field: a check reads about ten fields of each, which this way share two or three cache lines instead of each
    // taking its own (the gate runs on the order's critical path, right after the strategy decided).
    private readonly InstrumentRisk[] _instrument;

    // key = strategyId * instrumentCount + instrumentId
    private readonly StrategyInstrumentRisk[] _pair;
    private readonly StrategyRisk[] _strategy;

    private readonly long[] _volumeBuckets;
    private readonly long _volumeBucketNs;
    private readonly int _volumeBucketMask;

    private readonly long[] _rejectCounts;
    private int _portfolioOpenOrders;
    private long _portfolioTokens;
    private long _portfolioRefillNs;
    private long _grossExposure;
    private long _netExposure;
    private long _dailyPnl;
    private long _equity;
    private long _highWaterMark;
    private bool _pnlSeen;
    private uint _tripMask;
    private RiskBreach _pendingBreach;
    private bool _hasPendingBreach;

    /// <summary>
    /// Creates the gate. <paramref name="tickSizes"/> and <paramref name="lotSizes"/> are per dense instrument id
    /// (fixed-point price step, whole-unit quantity step, both &gt; 0). Breaches of daily loss and drawdown trip the
    /// kill switch by default (<see cref="SetTripsKillSwitch"/>).
    /// </summary>
    public RiskGate(RiskLimits limits, KillSwitch killSwitch, ReadOnlySpan<long> tickSizes, ReadOnlySpan<long> lotSizes, int strategyCount, RiskGateOptions options)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(killSwitch);
        ArgumentNullException.ThrowIfNull(options);
        string? invalid = options.Validate();
        if (invalid is not null)
        {
            throw new ArgumentException(invalid, nameof(options));
        }

        int n = tickSizes.Length;
        if (lotSizes.Length != n || n == 0 || n > limits.MaxInstruments || strategyCount <= 0 || strategyCount > limits.MaxStrategies)
        {
            throw new ArgumentException("tick/lot sizes must cover the same 1..MaxInstruments instruments and strategyCount 1..MaxStrategies");
        }

        foreach (long t in tickSizes)
        {
            if (t <= 0)
            {
                throw new ArgumentException("tick sizes must be positive", nameof(tickSizes));
            }
        }

        foreach (long l in lotSizes)
        {
            if (l <= 0)
            {
                throw new ArgumentException("lot sizes must be positive", nameof(lotSizes));
            }
        }

        _limits = limits;
        _killSwitch = killSwitch;
        _instrumentCount = n;
        _strategyCount = strategyCount;
        _instrument = new InstrumentRisk[n];
        for (int i = 0; i < n; i++)
        {
            _instrument[i].TickSize = new ExactDivisor(tickSizes[i]);
            _instrument[i].LotSize = new ExactDivisor(lotSizes[i]);
            _instrument[i].LotSizeValue = lotSizes[i];
        }

        int keys = strategyCount * n;
        _pair = new StrategyInstrumentRisk[keys];
        for (int k = 0; k < keys; k++)
        {
            _pair[k].OwnBestBid = NoBid;
            _pair[k].OwnBestAsk = NoAsk;
        }

        _strategy = new StrategyRisk[strategyCount];
        for (int i = 0; i < strategyCount; i++)
        {
            // buckets start full (clamped to capacity on first refill) so the first second is not throttled
            _strategy[i].Tokens = long.MaxValue;
        }

        _portfolioTokens = long.MaxValue;
        _volumeBuckets = new long[n * options.VolumeBuckets];
        _volumeBucketNs = options.VolumeWindowNs / options.VolumeBuckets;
        _volumeBucketMask = options.VolumeBuckets - 1;
        _orders = new OpenOrderTable(options.OpenOrderCapacity, keys * 2);
        _rejectCounts = new long[RejectCountSlots];
        SetTripsKillSwitch(RejectReason.DailyLoss, true);
        SetTripsKillSwitch(RejectReason.Drawdown, true);
    }

    public RiskLimits Limits => _limits;

    public KillSwitch KillSwitch => _killSwitch;

    public int InstrumentCount => _instrumentCount;

    public int StrategyCount => _strategyCount;

    /// <summary>Rejections by reason, indexed by <c>(int)RejectReason</c>; the engine maps it to its counters file.</summary>
    public long[] RejectCounts => _rejectCounts;

    public long AcceptedCount { get; private set; }

    public long Position(int instrumentId) => _instrument[instrumentId].Position;

    public long StrategyPosition(int strategyId, int instrumentId) => _pair[(strategyId * _instrumentCount) + instrumentId].Position;

    public long OpenBuyQty(int instrumentId) => _instrument[instrumentId].OpenBuyQty;

    public long OpenSellQty(int instrumentId) => _instrument[instrumentId].OpenSellQty;

    public int OpenOrders(int strategyId) => _strategy[strategyId].OpenOrders;

    public int PortfolioOpenOrders => _portfolioOpenOrders;

    /// <summary>Σ |position × reference| over instruments, fixed-point money.</summary>
    public long GrossExposure => _grossExposure;

    /// <summary>Σ position × reference over instruments, fixed-point money.</summary>
    public long NetExposure => _netExposure;

    public long HighWaterMark => _highWaterMark;

    public long RollingVolume(int instrumentId) => _instrument[instrumentId].RollingVolume;

    /// <summary>
    /// The pre-trade decision for one order at <paramref name="nowNs"/> (monotonic): <see cref="RejectReason.None"/>
    /// to send it. Consumes an order-rate token only when accepted. A rejection whose reason is configured to trip
    /// engages the kill switch and leaves a <see cref="RiskBreach"/> for <see cref="TryTakeBreach"/>.
    /// </summary>
    public RejectReason Check(int strategyId, in OrderRequest order, long nowNs)
    {
        RejectReason reason = Evaluate(strategyId, in order, nowNs, order.Qty, isReplace: false);
        if (reason == RejectReason.None)
        {
            AcceptedCount++;
            return reason;
        }

        return Rejected(reason, strategyId, order.InstrumentId, nowNs);
    }

    /// <summary>
    /// The pre-trade decision for amending an open order to <paramref name="amended"/>: the order's instrument, side
    /// and type as sent, its new price, and its new total quantity in <see cref="OrderRequest.Qty"/>;
    /// <paramref name="addedQty"/> is what the amendment adds to its open quantity (negative when it takes some
    /// away; a routed order's children are amended as one). A replace is order
    /// entry: the kill switch, a halt, the order-rate limit, the fat-finger, notional and price-collar limits and
    /// self-trade prevention apply to every one. The exposure limits (position, portfolio, daily loss, drawdown,
    /// volatility, liquidity) apply only when the amendment adds open quantity, and then to what it adds, so a
    /// replace that reduces risk is never refused for risk already taken. It is not a new open order.
    /// </summary>
    public RejectReason CheckReplace(int strategyId, in OrderRequest amended, long addedQty, long nowNs)
    {
        RejectReason reason = Evaluate(strategyId, in amended, nowNs, addedQty, isReplace: true);
        if (reason == RejectReason.None)
        {
            AcceptedCount++;
            return reason;
        }

        return Rejected(reason, strategyId, amended.InstrumentId, nowNs);
    }

    private RejectReason Rejected(RejectReason reason, int strategyId, int instrumentId, long nowNs)
    {
        _rejectCounts[(int)reason & (RejectCountSlots - 1)]++;
        if (((_tripMask >> (int)reason) & 1) != 0)
        {
            Trip(reason, strategyId, instrumentId, nowNs);
        }

        return reason;
    }

    /// <param name="added">What the order adds to open quantity: a new order its quantity, a replace the change in leaves.</param>
    /// <param name="isReplace">A constant at each call site: inlined into <see cref="Check"/>, the replace-only branches fold away.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private RejectReason Evaluate(int strategyId, in OrderRequest order, long nowNs, long added, bool isReplace)
    {
        if (_killSwitch.IsEngaged)
        {
            return RejectReason.KillSwitch;
        }

        int instrumentId = order.InstrumentId;
        if ((uint)instrumentId >= (uint)_instrumentCount)
        {
            return RejectReason.UnknownInstrument;
        }

        if ((uint)strategyId >= (uint)_strategyCount)
        {
            return RejectReason.UnknownStrategy;
        }

        long qty = order.Qty;
        // the schema has no InvalidSide: an undefined side is an unusable quantity direction
        bool isBuy = order.Side == Side.Buy;
        if (qty <= 0 || !_instrument[instrumentId].LotSize.IsMultiple(qty) || (!isBuy && order.Side != Side.Sell))
        {
            return RejectReason.InvalidQty;
        }

        bool isMarket = order.OrdType == OrdType.Market;
        bool isContingent = order.IsContingent;
        long reference = _instrument[instrumentId].Reference;
        long price = order.Price;
        // a stop-limit's limit: collared as well as its trigger (it is what the order may pay once live)
        long limitPrice = 0;
        if (isMarket)
        {
            // a market order is valued at the reference; without one it cannot be valued at all
            if (reference <= 0)
            {
                return RejectReason.InvalidPrice;
            }

            price = reference;
        }
        else if (isContingent)
        {
            RejectReason invalid = TriggerPrice(instrumentId, in order, reference, out price, out limitPrice);
            if (invalid != RejectReason.None)
            {
                return invalid;
            }
        }
        else
        {
            if (price <= 0 || !_instrument[instrumentId].TickSize.IsMultiple(price))
            {
                return RejectReason.InvalidPrice;
            }
        }

        if (_instrument[instrumentId].Halted)
        {
            return RejectReason.InstrumentHalted;
        }

        ReadOnlySpan<long> instrumentLimits = _limits.InstrumentRow(instrumentId);
        ReadOnlySpan<long> strategyLimits = _limits.StrategyRow(strategyId);
        ReadOnlySpan<long> portfolioLimits = _limits.PortfolioRow;
        if (qty > instrumentLimits[(int)LimitType.OrderQty])
        {
            return RejectReason.MaxOrderQty;
        }

        if (RiskMath.MulSaturating(qty, Math.Max(price, limitPrice)) > instrumentLimits[(int)LimitType.Notional])
        {
            return RejectReason.MaxNotional;
        }

        long collarBps = instrumentLimits[(int)LimitType.PriceCollar];
        if (collarBps != RiskLimits.Unlimited && !isMarket)
        {
            if (OutsideCollar(price, reference, collarBps) || (limitPrice > 0 && OutsideCollar(limitPrice, reference, collarBps)))
            {
                return RejectReason.PriceCollar;
            }
        }

        // a replace that adds no open quantity takes no new risk: only the limits on the order itself apply to it
        bool grows = !isReplace || added > 0;
        int key = (strategyId * _instrumentCount) + instrumentId;
        if (grows)
        {
            // worst case if every open order on this side fills as well: position grows by open qty + this order
            long position = _instrument[instrumentId].Position;
            long projectedPosition = isBuy
                ? position + _instrument[instrumentId].OpenBuyQty + added
                : position - _instrument[instrumentId].OpenSellQty - added;
            long grown = isBuy ? projectedPosition : -projectedPosition;
            if (grown > instrumentLimits[(int)LimitType.Position])
            {
                return RejectReason.PositionLimit;
            }

            long strategyPosition = _pair[key].Position;
            long strategyGrown = isBuy
                ? strategyPosition + _pair[key].OpenBuyQty + added
                : _pair[key].OpenSellQty + added - strategyPosition;
            if (strategyGrown > strategyLimits[(int)LimitType.Position])
            {
                return RejectReason.PositionLimit;
            }

            // replace this instrument's contribution in the running totals with its projected one
            long valuation = reference > 0 ? reference : price;
            long current = RiskMath.MulSaturating(position, reference);
            long projected = RiskMath.MulSaturating(projectedPosition, valuation);
            long gross = RiskMath.AddSaturating(_grossExposure - Math.Abs(current), Math.Abs(projected));
            long net = RiskMath.AddSaturating(_netExposure - current, projected);
            if (gross > portfolioLimits[(int)LimitType.GrossExposure] || Math.Abs(net) > portfolioLimits[(int)LimitType.NetExposure])
            {
                return RejectReason.PortfolioExposure;
            }
        }

        long strategyRate = strategyLimits[(int)LimitType.OrderRate];
        long strategyTokens = Refill(_strategy[strategyId].Tokens, _strategy[strategyId].RefillNs, strategyRate, nowNs);
        long portfolioRate = portfolioLimits[(int)LimitType.OrderRate];
        long portfolioTokens = Refill(_portfolioTokens, _portfolioRefillNs, portfolioRate, nowNs);
        _strategy[strategyId].Tokens = strategyTokens;
        _strategy[strategyId].RefillNs = Math.Max(nowNs, _strategy[strategyId].RefillNs);
        _portfolioTokens = portfolioTokens;
        _portfolioRefillNs = Math.Max(nowNs, _portfolioRefillNs);
        if ((strategyRate != RiskLimits.Unlimited && strategyTokens < TokenScale)
            || (portfolioRate != RiskLimits.Unlimited && portfolioTokens < TokenScale))
        {
            return RejectReason.OrderRate;
        }

        if (grows)
        {
            if (_dailyPnl <= -portfolioLimits[(int)LimitType.DailyLoss])
            {
                return RejectReason.DailyLoss;
            }

            if (_highWaterMark - _equity >= portfolioLimits[(int)LimitType.Drawdown])
            {
                return RejectReason.Drawdown;
            }

            if (_instrument[instrumentId].Sigma > instrumentLimits[(int)LimitType.Volatility])
            {
                return RejectReason.Volatility;
            }

            long liquidityBps = instrumentLimits[(int)LimitType.Liquidity];
            if (liquidityBps != RiskLimits.Unlimited)
            {
                long volume = AdvanceVolume(instrumentId, nowNs);
                // a replace is sized by what it adds, as for the other exposure limits (for a new order: its quantity)
                if (RiskMath.MulBpsSaturating(added) > RiskMath.MulSaturating(volume, liquidityBps))
                {
                    return RejectReason.Liquidity;
                }
            }
        }

        // a replace amends an order already counted open
        if (!isReplace
            && (_strategy[strategyId].OpenOrders >= strategyLimits[(int)LimitType.OpenOrders]
                || _portfolioOpenOrders >= portfolioLimits[(int)LimitType.OpenOrders]))
        {
            return RejectReason.MaxOpenOrders;
        }

        // a market order crosses any resting opposite order; one tick inside the sentinels keeps "none resting" clear.
        // An untriggered stop rests in no book, so it crosses nothing at entry; once triggered it is the venue's to
        // match (the simulated venues never match our orders with each other; a real venue's own prevention applies).
        long crossPrice = isMarket ? (isBuy ? NoAsk - 1 : NoBid + 1) : price;
        if (!isContingent && (isBuy ? crossPrice >= _pair[key].OwnBestAsk : crossPrice <= _pair[key].OwnBestBid))
        {
            return RejectReason.SelfTrade;
        }

        // accepted: only now spend the tokens, so rejected orders do not eat the rate budget
        if (strategyRate != RiskLimits.Unlimited)
        {
            _strategy[strategyId].Tokens = strategyTokens - TokenScale;
        }

        if (portfolioRate != RiskLimits.Unlimited)
        {
            _portfolioTokens = portfolioTokens - TokenScale;
        }

        return RejectReason.None;
    }

    /// <summary>|price − reference| / reference &gt; collarBps / 10^4, cross-multiplied to stay integer; no reference is outside.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool OutsideCollar(long price, long reference, long collarBps) =>
        reference <= 0 || RiskMath.MulBpsSaturating(Math.Abs(price - reference)) > RiskMath.MulSaturating(reference, collarBps);

    /// <summary>
    /// Where a stop, stop-limit or trailing-stop order triggers: what risk values it at (notional, exposure) and
    /// collars. A stop price must be positive and on the tick grid (<see cref="RejectReason.InvalidStopPrice"/>), a
    /// stop-limit's limit too (<see cref="RejectReason.InvalidPrice"/>, returned in <paramref name="limitPrice"/>).
    /// A trailing stop's trigger starts at the reference price ∓ its trail (sell: below, buy: above), so it needs a
    /// reference (<see cref="RejectReason.InvalidPrice"/>) and one positive trail, a price trail on the tick grid
    /// (<see cref="RejectReason.InvalidTrail"/>).
    /// </summary>
    private RejectReason TriggerPrice(int instrumentId, in OrderRequest order, long reference, out long trigger, out long limitPrice)
    {
        trigger = 0;
        limitPrice = 0;
        if (order.OrdType != OrdType.TrailingStop)
        {
            if (order.StopPrice <= 0 || !_instrument[instrumentId].TickSize.IsMultiple(order.StopPrice))
            {
                return RejectReason.InvalidStopPrice;
            }

            if (order.OrdType == OrdType.StopLimit)
            {
                if (order.Price <= 0 || !_instrument[instrumentId].TickSize.IsMultiple(order.Price))
                {
                    return RejectReason.InvalidPrice;
                }

                limitPrice = order.Price;
            }

            trigger = order.StopPrice;
            return RejectReason.None;
        }

        bool byPrice = order.TrailPrice > 0 && order.TrailBps == 0 && _instrument[instrumentId].TickSize.IsMultiple(order.TrailPrice);
        bool byBps = order.TrailBps is > 0 and < OrderRequest.BpsPerUnit && order.TrailPrice == 0;
        if (!byPrice && !byBps)
        {
            return RejectReason.InvalidTrail;
        }

        if (reference <= 0)
        {
            return RejectReason.InvalidPrice;
        }

        long trail = byPrice ? order.TrailPrice : (long)((Int128)reference * order.TrailBps / OrderRequest.BpsPerUnit);
        trigger = order.Side == Side.Buy ? RiskMath.AddSaturating(reference, trail) : reference - trail;
        return trigger > 0 ? RejectReason.None : RejectReason.InvalidTrail;
    }

    /// <summary>Tokens after refilling from <paramref name="lastNs"/> to <paramref name="nowNs"/>, capped at one second's worth.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Refill(long tokens, long lastNs, long ratePerSecond, long nowNs)
    {
        // above this rate one second of tokens overflows: treat as unlimited (a constant compare, no 128-bit multiply)
        if (ratePerSecond > long.MaxValue / TokenScale)
        {
            return long.MaxValue;
        }

        long capacity = ratePerSecond * TokenScale;
        long elapsedNs = Math.Clamp(nowNs - lastNs, 0, TokenScale);
        long added = elapsedNs * ratePerSecond;
        long room = capacity - tokens;
        return added >= room ? capacity : tokens + added;
    }

    /// <summary>
    /// Records an order sent after <see cref="Check"/> passed (call it on send, not on venue ack, so in-flight orders
    /// count): open quantity, open-order counts and the strategy's resting prices for self-trade prevention.
    /// False when the open-order table is full, the clOrdId is already open or an id is unknown (nothing changes).
    /// </summary>
    public bool OnOrderAccepted(int strategyId, in OrderRequest order, long clOrdId)
    {
        int instrumentId = order.InstrumentId;
        if ((uint)instrumentId >= (uint)_instrumentCount || (uint)strategyId >= (uint)_strategyCount || order.Qty <= 0)
        {
            return false;
        }

        bool isBuy = order.Side == Side.Buy;
        int key = (strategyId * _instrumentCount) + instrumentId;
        // market orders never rest, so they hold exposure but no price for self-trade; nor do untriggered stops
        long restingPrice = order.OrdType == OrdType.Market || order.IsContingent ? 0 : order.Price;
        if (_orders.Add(clOrdId, strategyId, instrumentId, isBuy, restingPrice, order.Qty, (key * 2) + (isBuy ? 0 : 1)) == OpenOrderTable.None)
        {
            return false;
        }

        if (isBuy)
        {
            _instrument[instrumentId].OpenBuyQty += order.Qty;
            _pair[key].OpenBuyQty += order.Qty;
            if (restingPrice > 0 && restingPrice > _pair[key].OwnBestBid)
            {
                _pair[key].OwnBestBid = restingPrice;
            }
        }
        else
        {
            _instrument[instrumentId].OpenSellQty += order.Qty;
            _pair[key].OpenSellQty += order.Qty;
            if (restingPrice > 0 && restingPrice < _pair[key].OwnBestAsk)
            {
                _pair[key].OwnBestAsk = restingPrice;
            }
        }

        _strategy[strategyId].OpenOrders++;
        _portfolioOpenOrders++;
        return true;
    }

    /// <summary>
    /// A replace of <paramref name="clOrdId"/> passed <see cref="CheckReplace"/> and was sent: until the venue answers,
    /// the order counts the larger of its leaves before and after (either may be what works at the venue). False when
    /// the order is not open here.
    /// </summary>
    public bool OnReplaceSent(long clOrdId, long newLeavesQty)
    {
        int slot = _orders.Find(clOrdId);
        if (slot == OpenOrderTable.None)
        {
            return false;
        }

        long leaves = _orders.LeavesQty(slot);
        if (newLeavesQty > leaves)
        {
            ReduceOpen(slot, leaves - newLeavesQty);
            _orders.SetLeavesQty(slot, newLeavesQty);
        }

        return true;
    }

    /// <summary>
    /// The venue refused the replace (or it never left): the order counts <paramref name="leavesQty"/> again, what
    /// it has left at its old terms. False when the order is not open here.
    /// </summary>
    public bool OnReplaceRejected(long clOrdId, long leavesQty)
    {
        int slot = _orders.Find(clOrdId);
        if (slot == OpenOrderTable.None)
        {
            return false;
        }

        ReduceOpen(slot, _orders.LeavesQty(slot) - leavesQty);
        _orders.SetLeavesQty(slot, leavesQty);
        return true;
    }

    /// <summary>
    /// The venue confirmed the replace: the order is open under <paramref name="newClOrdId"/> at
    /// <paramref name="price"/> (its resting price for self-trade prevention; 0 for one that rests in no book) with
    /// <paramref name="leavesQty"/> left; with none left it is closed. False when <paramref name="clOrdId"/> is not open
    /// here, or the new id could not be opened (already open, table full): then the order no longer counts.
    /// </summary>
    public bool OnReplaced(long clOrdId, long newClOrdId, long price, long leavesQty)
    {
        int slot = _orders.Find(clOrdId);
        if (slot == OpenOrderTable.None)
        {
            return false;
        }

        int strategyId = _orders.StrategyId(slot);
        int instrumentId = _orders.InstrumentId(slot);
        Side side = _orders.IsBuy(slot) ? Side.Buy : Side.Sell;
        Close(slot);
        if (leavesQty <= 0)
        {
            return true;
        }

        // re-opened without a check: the replace was checked, and the order never stopped being open
        var order = new OrderRequest(instrumentId, side, leavesQty, price > 0 ? price : OrderRequest.NoPrice, price > 0 ? OrdType.Limit : OrdType.Market);
        return OnOrderAccepted(strategyId, order, newClOrdId);
    }

    /// <summary>
    /// Releases an order that is done (canceled, rejected, expired, or filled): its remaining quantity leaves open
    /// exposure. Recomputing the strategy's best resting price walks only that strategy's open orders on that
    /// instrument and side, and only when the closed order was the best. False when the clOrdId is not open.
    /// </summary>
    public bool OnOrderClosed(long clOrdId)
    {
        int slot = _orders.Find(clOrdId);
        if (slot == OpenOrderTable.None)
        {
            return false;
        }

        Close(slot);
        return true;
    }

    /// <summary>
    /// A fill: moves position (signed, per instrument and per strategy) and, when <paramref name="clOrdId"/> is open,
    /// moves the filled quantity from open exposure to position; an order with nothing left closes itself.
    /// <paramref name="price"/> becomes the reference when the instrument has none yet.
    /// </summary>
    public void OnFill(int strategyId, long clOrdId, int instrumentId, Side side, long qty, long price)
    {
        if ((uint)instrumentId >= (uint)_instrumentCount || (uint)strategyId >= (uint)_strategyCount || qty <= 0)
        {
            return;
        }

        int slot = _orders.Find(clOrdId);
        if (slot != OpenOrderTable.None)
        {
            long leaves = _orders.LeavesQty(slot);
            long taken = Math.Min(qty, leaves);
            ReduceOpen(slot, taken);
            _orders.SetLeavesQty(slot, leaves - taken);
            if (leaves - taken == 0)
            {
                Close(slot);
            }
        }

        long signed = side == Side.Buy ? qty : -qty;
        int key = (strategyId * _instrumentCount) + instrumentId;
        _pair[key].Position += signed;
        long reference = _instrument[instrumentId].Reference > 0 ? _instrument[instrumentId].Reference : price;
        Reprice(instrumentId, _instrument[instrumentId].Position + signed, reference);
    }

    /// <summary>New reference price (mid or last, fixed-point) for collar, valuation and exposure.</summary>
    public void OnMark(int instrumentId, long referencePrice)
    {
        if ((uint)instrumentId < (uint)_instrumentCount && referencePrice > 0)
        {
            Reprice(instrumentId, _instrument[instrumentId].Position, referencePrice);
        }
    }

    /// <summary>Trade printed on the market (any participant), for the liquidity limit's rolling volume.</summary>
    public void OnMarketTrade(int instrumentId, long qty, long nowNs)
    {
        if ((uint)instrumentId < (uint)_instrumentCount && qty > 0)
        {
            AdvanceVolume(instrumentId, nowNs);
            _volumeBuckets[(instrumentId * (_volumeBucketMask + 1)) + (int)(_instrument[instrumentId].VolumeBucketIndex & _volumeBucketMask)] += qty;
            _instrument[instrumentId].RollingVolume += qty;
        }
    }

    /// <summary>Short-horizon volatility estimate, a fixed-point 10^-8 fraction per period (0.02 = 2_000_000).</summary>
    public void OnVolatility(int instrumentId, long sigma)
    {
        if ((uint)instrumentId < (uint)_instrumentCount && sigma >= 0)
        {
            _instrument[instrumentId].Sigma = sigma;
        }
    }

    /// <summary>
    /// Portfolio P&amp;L: <paramref name="dailyPnl"/> realized + unrealized since the session start and
    /// <paramref name="equity"/>, both fixed-point money. Raises the high-water mark; when daily loss or drawdown
    /// is breached and configured to trip, engages the kill switch and returns true (breach in <see cref="TryTakeBreach"/>).
    /// </summary>
    public bool OnPnl(long dailyPnl, long equity, long nowNs)
    {
        _dailyPnl = dailyPnl;
        _equity = equity;
        if (!_pnlSeen || equity > _highWaterMark)
        {
            _highWaterMark = equity;
            _pnlSeen = true;
        }

        bool engaged = false;
        if (dailyPnl <= -_limits.Portfolio(LimitType.DailyLoss) && ((_tripMask >> (int)RejectReason.DailyLoss) & 1) != 0)
        {
            engaged |= Trip(RejectReason.DailyLoss, -1, -1, nowNs);
        }

        if (_highWaterMark - equity >= _limits.Portfolio(LimitType.Drawdown) && ((_tripMask >> (int)RejectReason.Drawdown) & 1) != 0)
        {
            engaged |= Trip(RejectReason.Drawdown, -1, -1, nowNs);
        }

        return engaged;
    }

    /// <summary>Halts or resumes new orders on one instrument; false for an unknown id.</summary>
    public bool SetHalted(int instrumentId, bool halted)
    {
        if ((uint)instrumentId >= (uint)_instrumentCount)
        {
            return false;
        }

        _instrument[instrumentId].Halted = halted;
        return true;
    }

    /// <summary>Changes one limit at runtime; null when applied, else why it was refused (see <see cref="RiskLimits.SetLimit"/>).</summary>
    public string? SetLimit(LimitType type, LimitScope scope, int id, long value) => _limits.SetLimit(type, scope, id, value);

    /// <summary>
    /// Whether a rejection for <paramref name="reason"/> engages the kill switch. Only reasons with a
    /// <see cref="BreachType"/> (PositionLimit..Liquidity) can trip; false for any other.
    /// </summary>
    public bool SetTripsKillSwitch(RejectReason reason, bool trips)
    {
        if (reason < RejectReason.PositionLimit || reason > RejectReason.Liquidity)
        {
            return false;
        }

        uint bit = 1u << (int)reason;
        _tripMask = trips ? _tripMask | bit : _tripMask & ~bit;
        return true;
    }

    /// <summary>The latest breach that tripped the kill switch, once; false when none is pending.</summary>
    public bool TryTakeBreach(out RiskBreach breach)
    {
        breach = _pendingBreach;
        bool had = _hasPendingBreach;
        _hasPendingBreach = false;
        return had;
    }

    /// <summary>
    /// Volatility-scaled sizing for <paramref name="instrumentId"/> at its current sigma (see <see cref="VolatilitySizing.Scale"/>).
    /// </summary>
    public long ScaleQtyByVolatility(int instrumentId, long qty, long targetSigma)
    {
        if ((uint)instrumentId >= (uint)_instrumentCount)
        {
            return 0;
        }

        return VolatilitySizing.Scale(qty, _instrument[instrumentId].Sigma, targetSigma, _instrument[instrumentId].LotSizeValue);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Trip(RejectReason reason, int strategyId, int instrumentId, long nowNs)
    {
        bool engaged = _killSwitch.Engage(nowNs);
        (long value, long limit) = reason switch
        {
            RejectReason.DailyLoss => (_dailyPnl, _limits.Portfolio(LimitType.DailyLoss)),
            RejectReason.Drawdown => (_highWaterMark - _equity, _limits.Portfolio(LimitType.Drawdown)),
            RejectReason.Volatility when (uint)instrumentId < (uint)_instrumentCount => (_instrument[instrumentId].Sigma, _limits.Instrument(LimitType.Volatility, instrumentId)),
            RejectReason.PortfolioExposure => (_grossExposure, _limits.Portfolio(LimitType.GrossExposure)),
            _ => (0L, 0L),
        };
        _pendingBreach = new RiskBreach((BreachType)(byte)reason, strategyId, instrumentId, value, limit, nowNs, engaged);
        _hasPendingBreach = true;
        return engaged;
    }

    private void Close(int slot)
    {
        ReduceOpen(slot, _orders.LeavesQty(slot));
        int strategyId = _orders.StrategyId(slot);
        int key = (strategyId * _instrumentCount) + _orders.InstrumentId(slot);
        bool isBuy = _orders.IsBuy(slot);
        long price = _orders.Price(slot);
        _orders.Remove(slot);
        _strategy[strategyId].OpenOrders--;
        _portfolioOpenOrders--;
        if (price <= 0)
        {
            return;
        }

        if (isBuy && price == _pair[key].OwnBestBid)
        {
            long best = NoBid;
            for (int s = _orders.ListHead(key * 2); s != OpenOrderTable.None; s = _orders.Next(s))
            {
                long p = _orders.Price(s);
                best = p > 0 && p > best ? p : best;
            }

            _pair[key].OwnBestBid = best;
        }
        else if (!isBuy && price == _pair[key].OwnBestAsk)
        {
            long best = NoAsk;
            for (int s = _orders.ListHead((key * 2) + 1); s != OpenOrderTable.None; s = _orders.Next(s))
            {
                long p = _orders.Price(s);
                best = p > 0 && p < best ? p : best;
            }

            _pair[key].OwnBestAsk = best;
        }
    }

    private void ReduceOpen(int slot, long qty)
    {
        int instrumentId = _orders.InstrumentId(slot);
        int key = (_orders.StrategyId(slot) * _instrumentCount) + instrumentId;
        if (_orders.IsBuy(slot))
        {
            _instrument[instrumentId].OpenBuyQty -= qty;
            _pair[key].OpenBuyQty -= qty;
        }
        else
        {
            _instrument[instrumentId].OpenSellQty -= qty;
            _pair[key].OpenSellQty -= qty;
        }
    }

    private void Reprice(int instrumentId, long newPosition, long newReference)
    {
        long before = Exposure(_instrument[instrumentId].Position, _instrument[instrumentId].Reference);
        long after = Exposure(newPosition, newReference);
        _grossExposure = RiskMath.AddSaturating(_grossExposure - Math.Abs(before), Math.Abs(after));
        _netExposure = RiskMath.AddSaturating(_netExposure - before, after);
        _instrument[instrumentId].Position = newPosition;
        _instrument[instrumentId].Reference = newReference;
    }

    /// <summary>
    /// position × reference, saturating (<see cref="RiskMath.MulSaturating"/>). Reprice runs on every quote: a position
    /// under 2^24 units at a price under 2^38 raw (2,748.78 at 10^-8) cannot overflow, so the usual case is one 64-bit
    /// multiply, without the 128-bit product and its sign corrections.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Exposure(long position, long reference) =>
        (ulong)(position + (1L << 24)) < (1UL << 25) && (ulong)(reference + (1L << 38)) < (1UL << 39)
            ? position * reference
            : RiskMath.MulSaturating(position, reference);

    /// <summary>Expires buckets older than the window at <paramref name="nowNs"/>; at most one pass over the buckets.</summary>
    private long AdvanceVolume(int instrumentId, long nowNs)
    {
        // common case: still inside the current bucket, no divide
        if (nowNs < _instrument[instrumentId].VolumeBucketEndNs)
        {
            return _instrument[instrumentId].RollingVolume;
        }

        long target = nowNs / _volumeBucketNs;
        long current = _instrument[instrumentId].VolumeBucketIndex;
        if (target <= current)
        {
            return _instrument[instrumentId].RollingVolume;
        }

        int buckets = _volumeBucketMask + 1;
        int baseIndex = instrumentId * buckets;
        long steps = Math.Min(target - current, buckets);
        long volume = _instrument[instrumentId].RollingVolume;
        for (long s = 1; s <= steps; s++)
        {
            // the bucket the window moves into held the oldest data: drop it before reuse
            int b = baseIndex + (int)((current + s) & _volumeBucketMask);
            volume -= _volumeBuckets[b];
            _volumeBuckets[b] = 0;
        }

        _instrument[instrumentId].VolumeBucketIndex = target;
        _instrument[instrumentId].VolumeBucketEndNs = (target + 1) * _volumeBucketNs;
        _instrument[instrumentId].RollingVolume = volume;
        return volume;
    }

    /// <summary>What the gate holds per instrument (all strategies), the fields a check reads first.</summary>
    private struct InstrumentRisk
    {
        public ExactDivisor LotSize;
        public ExactDivisor TickSize;
        public long Reference;
        public long Position;
        public long OpenBuyQty;
        public long OpenSellQty;
        public long Sigma;
        public bool Halted;
        public long LotSizeValue;
        public long VolumeBucketIndex;
        public long VolumeBucketEndNs;
        public long RollingVolume;
    }

    /// <summary>One strategy's position, open quantities and best resting prices in one instrument.</summary>
    private struct StrategyInstrumentRisk
    {
        public long Position;
        public long OpenBuyQty;
        public long OpenSellQty;
        public long OwnBestBid;
        public long OwnBestAsk;
    }

    /// <summary>One strategy's order-rate bucket and open-order count.</summary>
    private struct StrategyRisk
    {
        public long Tokens;
        public long RefillNs;
        public int OpenOrders;
    }
}
