using Llt.Codecs.Runtime;
using Llt.Hotpath.Config;
using Llt.Hotpath.Journal;
using Llt.Hotpath.Portfolio;
using Llt.Sbe;

namespace Llt.Shell.Hosting;

/// <summary>
/// The platform's state rebuilt from the engine's journal, frame by frame: orders (NewOrder, then each
/// ExecutionReport), positions and P&amp;L (every fill and quote replayed into the engine's own
/// <see cref="PortfolioLedger"/>, so the numbers are the engine's to the last 10^-8), the latest PnlSnapshot,
/// RiskMetrics, KillSwitchState and Heartbeat, risk alerts, command results and per-feed tick counts. Used by
/// the ops CLI (one pass) and the host (followed live). Not thread-safe: the owner serialises access.
/// </summary>
public sealed class JournalProjection : IDisposable
{
    public const int RecentAlertCapacity = 50;

    private readonly EngineConfig _config;
    private readonly PortfolioLedger _ledger;
    private readonly int _closedCapacity;
    private readonly Dictionary<long, OrderRow> _open = new();
    // replace request id → the id it replaces, from each ReplaceOrder until its answer
    private readonly Dictionary<long, long> _replacing = new();
    private readonly LinkedList<OrderRow> _closed = new();
    private readonly Dictionary<long, CommandResultRow> _results = new();
    private readonly Dictionary<int, FeedRow> _feeds = new();
    private readonly LinkedList<AlertRow> _alerts = new();
    private readonly long[] _rejectsByReason = new long[256];
    private readonly long[] _alertsByBreach = new long[256];
    private readonly Dictionary<(LimitType Type, LimitScope Scope, int Id), LimitRow> _limits = new();
    private readonly StrategyRow[] _strategies;
    private readonly VenueRow[] _venues;

    public JournalProjection(EngineConfig config, int closedOrderCapacity = 1_000)
    {
        _config = config;
        _closedCapacity = closedOrderCapacity;
        _ledger = new PortfolioLedger(Math.Max(1, config.Strategies.Count), Math.Max(1, config.Instruments.Count));
        // the limits the engine sets from its configuration at start (TradingEngine.CreateExecution)
        for (int i = 0; i < config.Instruments.Count; i++)
        {
            SetLimit(LimitType.Position, LimitScope.Instrument, i, config.Instruments[i].MaxPosition, "llt.json", 0, 0);
        }

        for (int s = 0; s < config.Strategies.Count; s++)
        {
            SetLimit(LimitType.Position, LimitScope.Strategy, s, config.Strategies[s].MaxPosition, "llt.json", 0, 0);
        }

        _strategies = new StrategyRow[config.Strategies.Count];
        for (int s = 0; s < _strategies.Length; s++)
        {
            StrategyConfig strategy = config.Strategies[s];
            _strategies[s] = new StrategyRow(s, strategy.Name, strategy.Type, strategy.Enabled, "llt.json", 0);
        }

        _venues = new VenueRow[config.Venues.Count];
        for (int v = 0; v < _venues.Length; v++)
        {
            _venues[v] = new VenueRow(v, config.Venues[v].Name, true, "llt.json", 0);
        }
    }

    /// <summary>
    /// Every limit in force: the configured position limits, then each journaled (so applied) SetLimit, the
    /// latest per kind, scope and target. The engine does not restore runtime limits after a restart; `llt run`
    /// re-sends them, so they stay in force under supervision.
    /// </summary>
    public IEnumerable<LimitRow> Limits => _limits.Values.OrderBy(l => l.Kind.Type).ThenBy(l => l.Scope).ThenBy(l => l.TargetId);

    public IReadOnlyList<StrategyRow> Strategies => _strategies;

    public IReadOnlyList<VenueRow> Venues => _venues;

    public EngineConfig Config => _config;

    /// <summary>
    /// The journal of <paramref name="config"/>'s engine replayed from its first frame; null with
    /// <paramref name="error"/> when there is no journal to read.
    /// </summary>
    public static JournalProjection? Replay(EngineConfig config, out string? error, int closedOrderCapacity = 1_000)
    {
        string directory = config.Journal.Directory;
        if (!Directory.Exists(directory) || JournalDirectory.ListSegmentIndices(directory).Count == 0)
        {
            error = $"no journal at {Path.GetFullPath(directory)}: engine '{config.Name}' has not run here";
            return null;
        }

        var projection = new JournalProjection(config, closedOrderCapacity);
        try
        {
            using JournalTailer tailer = JournalTailer.OpenAtStart(directory);
            while (tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
            {
                projection.Apply(frame);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            projection.Dispose();
            error = $"journal {Path.GetFullPath(directory)} not readable: {e.Message}";
            return null;
        }

        error = null;
        return projection;
    }

    public long Frames { get; private set; }

    public long LastSequence { get; private set; }

    public long LastFrameNs { get; private set; }

    public long OrdersSeen { get; private set; }

    public long Fills { get; private set; }

    public long FilledQty { get; private set; }

    public long Rejects { get; private set; }

    public long Cancels { get; private set; }

    public HeartbeatRow? Heartbeat { get; private set; }

    public PnlRow? Pnl { get; private set; }

    public RiskMetricsRow? RiskMetrics { get; private set; }

    public KillSwitchRow? KillSwitch { get; private set; }

    /// <summary>Called for each RiskAlert applied (the host turns them into alerts).</summary>
    public Action<AlertRow>? AlertApplied { get; set; }

    /// <summary>Called for each order rejection applied (the order as rejected).</summary>
    public Action<OrderRow>? OrderRejected { get; set; }

    /// <summary>Called for each KillSwitchState applied.</summary>
    public Action<KillSwitchRow>? KillSwitchApplied { get; set; }

    /// <summary>Called for every FeedSwitch (failover moved an instrument to another feed, or back).</summary>
    public Action<FeedSwitchRow>? FeedSwitched { get; set; }

    /// <summary>Feed switches seen (failover and switch-back).</summary>
    public long FeedSwitches { get; private set; }

    /// <summary>
    /// Called for every line event the engine journaled: a gap its handler gave up on, a recovery, a line down
    /// (heartbeats are not journaled).
    /// </summary>
    public Action<FeedHealthRow>? FeedHealthReported { get; set; }

    /// <summary>Unrecovered gaps the feed handlers reported.</summary>
    public long FeedGaps { get; private set; }

    public ReadOnlySpan<long> RejectsByReason => _rejectsByReason;

    public ReadOnlySpan<long> AlertsByBreach => _alertsByBreach;

    public IReadOnlyCollection<AlertRow> RecentAlerts => _alerts;

    public IEnumerable<OrderRow> OpenOrders => _open.Values;

    /// <summary>The most recent closed orders (up to the capacity given at construction), oldest first.</summary>
    public IEnumerable<OrderRow> ClosedOrders => _closed;

    public IReadOnlyDictionary<int, FeedRow> Feeds => _feeds;

    public bool TryGetResult(long correlationId, out CommandResultRow result) => _results.TryGetValue(correlationId, out result!);

    public string SymbolOf(int instrumentId) =>
        (uint)instrumentId < (uint)_config.Instruments.Count ? _config.Instruments[instrumentId].Symbol : $"#{instrumentId}";

    public string StrategyOf(int strategyId) =>
        (uint)strategyId < (uint)_config.Strategies.Count ? _config.Strategies[strategyId].Name : $"#{strategyId}";

    /// <summary>Non-flat positions, or every position that ever traded when <paramref name="includeFlat"/>.</summary>
    public List<PositionRow> Positions(bool includeFlat = false)
    {
        var rows = new List<PositionRow>();
        for (int s = 0; s < _ledger.StrategyCount; s++)
        {
            for (int i = 0; i < _ledger.InstrumentCount; i++)
            {
                PositionView p = _ledger.GetPosition(s, i);
                if (p.Quantity != 0 || (includeFlat && (p.RealizedPnl != 0 || p.Fees != 0)))
                {
                    rows.Add(new PositionRow(s, StrategyOf(s), i, SymbolOf(i), p.Quantity, p.AveragePrice, p.RealizedPnl, p.UnrealizedPnl, p.Fees, p.Mark));
                }
            }
        }

        return rows;
    }

    /// <summary>The replayed ledger's portfolio totals (realized, unrealized, fees, exposure).</summary>
    public PortfolioTotals Totals => _ledger.GetTotals();

    public void Apply(in JournalFrame frame)
    {
        Frames++;
        LastSequence = frame.Sequence;
        LastFrameNs = frame.TimestampNs;
        ReadOnlySpan<byte> payload = frame.Payload;
        switch (frame.Type)
        {
            case QuoteDecoder.TemplateId:
                OnQuote(payload, frame.TimestampNs);
                break;
            case TradeDecoder.TemplateId:
                OnTrade(payload, frame.TimestampNs);
                break;
            case NewOrderDecoder.TemplateId:
                OnNewOrder(payload, frame.TimestampNs);
                break;
            case ExecutionReportDecoder.TemplateId:
                OnExecutionReport(payload, frame.TimestampNs);
                break;
            case ReplaceOrderDecoder.TemplateId:
                if (ReplaceOrderDecoder.TryDecode(payload, 0, out ReplaceOrderDecoder replace, out SbeError _) == SbeDecodeStatus.Ok)
                {
                    ForgetAnswerlessReplaces();
                    _replacing[(long)replace.ClOrdId] = (long)replace.OrigClOrdId;
                }

                break;
            case RouteDecisionDecoder.TemplateId:
                OnRouteDecision(payload, frame.TimestampNs);
                break;
            case PnlSnapshotDecoder.TemplateId:
                OnPnl(payload);
                break;
            case RiskMetricsDecoder.TemplateId:
                if (RiskMetricsDecoder.TryDecode(payload, 0, out RiskMetricsDecoder m, out SbeError _) == SbeDecodeStatus.Ok)
                {
                    RiskMetrics = new RiskMetricsRow(m.Var95, m.Var99, m.MaxDrawdown, m.GrossExposure, m.NetExposure, (long)m.Ts);
                }

                break;
            case RiskAlertDecoder.TemplateId:
                OnAlert(payload, frame.Sequence);
                break;
            case KillSwitchStateDecoder.TemplateId:
                OnKillSwitch(payload);
                break;
            case FeedSwitchDecoder.TemplateId:
                OnFeedSwitch(payload);
                break;
            case FeedHealthDecoder.TemplateId:
                OnFeedHealth(payload);
                break;
            case CommandResultDecoder.TemplateId:
                if (CommandResultDecoder.TryDecode(payload, 0, out CommandResultDecoder r, out SbeError _) == SbeDecodeStatus.Ok)
                {
                    _results[r.CorrelationId] = new CommandResultRow(frame.Sequence, r.CorrelationId, r.CommandTemplateId, r.Status, r.RejectReason, (long)r.Ts, r.GetTextAsString());
                }

                break;
            case SetLimitDecoder.TemplateId:
                OnSetLimit(payload, frame.Sequence, frame.TimestampNs);
                break;
            case StrategyControlDecoder.TemplateId:
                if (StrategyControlDecoder.TryDecode(payload, 0, out StrategyControlDecoder sc, out SbeError _) == SbeDecodeStatus.Ok
                    && (uint)sc.StrategyId < (uint)_strategies.Length)
                {
                    int strategyId = sc.StrategyId;
                    bool enabled = sc.Action == StrategyAction.Enable;
                    _strategies[strategyId] = _strategies[strategyId] with { Enabled = enabled, Source = sc.GetSourceAsString(), Sequence = frame.Sequence };
                }

                break;
            case VenueControlDecoder.TemplateId:
                if (VenueControlDecoder.TryDecode(payload, 0, out VenueControlDecoder vc, out SbeError _) == SbeDecodeStatus.Ok
                    && (uint)vc.VenueId < (uint)_venues.Length)
                {
                    int venueId = vc.VenueId;
                    bool up = vc.Status == VenueStatus.Up;
                    _venues[venueId] = _venues[venueId] with { Up = up, Source = vc.GetSourceAsString(), Sequence = frame.Sequence };
                }

                break;
            case HeartbeatDecoder.TemplateId:
                if (HeartbeatDecoder.TryDecode(payload, 0, out HeartbeatDecoder h, out SbeError _) == SbeDecodeStatus.Ok)
                {
                    Heartbeat = new HeartbeatRow(h.State, (long)h.Ts, (long)h.JournalSequence);
                }

                break;
        }
    }

    private void OnSetLimit(ReadOnlySpan<byte> payload, long sequence, long tsNs)
    {
        if (SetLimitDecoder.TryDecode(payload, 0, out SetLimitDecoder l, out SbeError _) != SbeDecodeStatus.Ok)
        {
            return;
        }

        LimitType type = l.LimitType;
        LimitScope scope = l.Scope;
        int id = scope switch
        {
            LimitScope.Instrument => l.InstrumentId,
            LimitScope.Strategy => l.StrategyId,
            _ => -1,
        };
        long value = l.Value;
        SetLimit(type, scope, id, value, l.GetSourceAsString(), sequence, tsNs);
    }

    private void SetLimit(LimitType type, LimitScope scope, int id, long value, string source, long sequence, long tsNs)
    {
        if (!Enum.IsDefined(type) || type == LimitType.NullValue)
        {
            return;
        }

        string? target = scope switch
        {
            LimitScope.Instrument => SymbolOf(id),
            LimitScope.Strategy => StrategyOf(id),
            _ => null,
        };
        _limits[(type, scope, id)] = new LimitRow(Configuration.LimitKind.Of(type), scope, id, target, value, source, sequence, tsNs);
    }

    private void OnQuote(ReadOnlySpan<byte> payload, long tsNs)
    {
        if (QuoteDecoder.TryDecode(payload, 0, out QuoteDecoder q, out SbeError _) != SbeDecodeStatus.Ok)
        {
            return;
        }

        CountTick(q.FeedId, quote: true, tsNs);
        if ((uint)q.InstrumentId < (uint)_ledger.InstrumentCount)
        {
            _ledger.OnQuote(q.InstrumentId, q.BidPrice, q.AskPrice);
        }
    }

    private void OnTrade(ReadOnlySpan<byte> payload, long tsNs)
    {
        if (TradeDecoder.TryDecode(payload, 0, out TradeDecoder t, out SbeError _) == SbeDecodeStatus.Ok)
        {
            CountTick(t.FeedId, quote: false, tsNs);
        }
    }

    private void CountTick(int feedId, bool quote, long tsNs)
    {
        FeedRow row = _feeds.TryGetValue(feedId, out FeedRow? existing) ? existing : new FeedRow(feedId, 0, 0, 0);
        _feeds[feedId] = row with
        {
            Quotes = row.Quotes + (quote ? 1 : 0),
            Trades = row.Trades + (quote ? 0 : 1),
            LastTickNs = tsNs,
        };
    }

    private void OnNewOrder(ReadOnlySpan<byte> payload, long tsNs)
    {
        if (NewOrderDecoder.TryDecode(payload, 0, out NewOrderDecoder o, out SbeError _) != SbeDecodeStatus.Ok)
        {
            return;
        }

        OrdersSeen++;
        long clOrdId = (long)o.ClOrdId;
        long price = o.Price;
        _open[clOrdId] = new OrderRow
        {
            ClOrdId = clOrdId,
            StrategyId = o.StrategyId,
            InstrumentId = o.InstrumentId,
            Side = o.Side,
            OrdType = o.OrdType,
            Price = price == NewOrderDecoder.PriceNullValue ? null : price,
            OrderQty = o.Qty,
            LeavesQty = o.Qty,
            Status = OrdStatus.PendingNew,
            CreatedNs = tsNs,
            UpdatedNs = tsNs,
        };
    }

    /// <summary>
    /// The router split a strategy's order into child orders (legs), one per venue slice; the venues report on the
    /// children, so from here on the children are the orders and the parent is no longer tracked.
    /// </summary>
    private void OnRouteDecision(ReadOnlySpan<byte> payload, long tsNs)
    {
        if (RouteDecisionDecoder.TryDecode(payload, 0, out RouteDecisionDecoder route, out SbeError _) != SbeDecodeStatus.Ok)
        {
            return;
        }

        long parentId = (long)route.ParentClOrdId;
        int instrumentId = route.InstrumentId;
        Side side = route.Side;
        int strategyId = -1;
        OrdType ordType = OrdType.Limit;
        if (_open.Remove(parentId, out OrderRow? parent))
        {
            strategyId = parent.StrategyId;
            ordType = parent.OrdType;
        }

        var legs = route.Legs();
        while (legs.HasNext)
        {
            legs.Next();
            long clOrdId = (long)legs.ClOrdId;
            long price = legs.Price;
            long qty = legs.Qty;
            _open[clOrdId] = new OrderRow
            {
                ClOrdId = clOrdId,
                ParentClOrdId = clOrdId == parentId ? 0 : parentId,
                StrategyId = strategyId,
                InstrumentId = instrumentId,
                Side = side,
                OrdType = ordType,
                Price = price == RouteDecisionDecoder.LegsDecoder.PriceNullValue ? null : price,
                OrderQty = qty,
                LeavesQty = qty,
                Status = OrdStatus.PendingNew,
                CreatedNs = tsNs,
                UpdatedNs = tsNs,
            };
        }
    }

    /// <summary>
    /// A strategy's amendment that changed nothing at any venue (same terms, or a decrease done by cancels) gets no
    /// report under its request id: once many requests are waiting, those for orders no longer open are dropped.
    /// </summary>
    private void ForgetAnswerlessReplaces()
    {
        if (_replacing.Count < 1024)
        {
            return;
        }

        foreach ((long requestId, long origClOrdId) in _replacing)
        {
            if (!_open.ContainsKey(origClOrdId))
            {
                _replacing.Remove(requestId);
            }
        }
    }

    private void OnExecutionReport(ReadOnlySpan<byte> payload, long tsNs)
    {
        if (ExecutionReportDecoder.TryDecode(payload, 0, out ExecutionReportDecoder report, out SbeError _) != SbeDecodeStatus.Ok)
        {
            return;
        }

        long clOrdId = (long)report.ClOrdId;
        int strategyId = report.StrategyId;
        int instrumentId = report.InstrumentId;
        Side side = report.Side;
        long price = report.Price;
        long avgPx = report.AvgPx;
        if (report.ExecType == ExecType.Rejected && report.OrdStatus != OrdStatus.Rejected)
        {
            // a refused cancel or replace: counted, and the order it was for works on as it was
            _replacing.Remove(clOrdId);
            Rejects++;
            _rejectsByReason[(byte)report.RejectReason]++;
            return;
        }

        if (report.ExecType == ExecType.Replaced && _replacing.Remove(clOrdId, out long origClOrdId)
            && _open.Remove(origClOrdId, out OrderRow? replaced))
        {
            // the order lives on under the new id; the old id ends as Replaced
            replaced.Status = OrdStatus.Replaced;
            replaced.UpdatedNs = tsNs;
            RememberClosed(replaced);

            _open[clOrdId] = new OrderRow
            {
                ClOrdId = clOrdId,
                ParentClOrdId = replaced.ParentClOrdId,
                StrategyId = replaced.StrategyId,
                InstrumentId = replaced.InstrumentId,
                Side = replaced.Side,
                OrdType = replaced.OrdType,
                CreatedNs = replaced.CreatedNs,
            };
        }

        if (!_open.TryGetValue(clOrdId, out OrderRow? order) || order.StrategyId < 0)
        {
            // a report without a NewOrder seen (journal retention), or for a leg whose parent was not seen
            order = new OrderRow
            {
                ClOrdId = clOrdId,
                ParentClOrdId = order?.ParentClOrdId ?? 0,
                StrategyId = strategyId,
                InstrumentId = instrumentId,
                Side = side,
                OrdType = price == ExecutionReportDecoder.PriceNullValue ? OrdType.Market : OrdType.Limit,
                CreatedNs = tsNs,
            };
        }

        order.Price = price == ExecutionReportDecoder.PriceNullValue ? order.Price : price;
        order.OrderQty = report.OrderQty;
        order.CumQty = report.CumQty;
        order.LeavesQty = report.LeavesQty;
        order.AvgPx = avgPx == ExecutionReportDecoder.AvgPxNullValue ? order.AvgPx : avgPx;
        order.Status = report.OrdStatus;
        order.UpdatedNs = tsNs;
        ExecType execType = report.ExecType;
        bool rejected = false;
        if (execType == ExecType.Rejected)
        {
            RejectReason reason = report.RejectReason;
            order.RejectReason = reason;
            Rejects++;
            _rejectsByReason[(byte)reason]++;
            rejected = true;
        }
        else if (execType is ExecType.Canceled or ExecType.Expired)
        {
            Cancels++;
        }

        var fills = report.Fills();
        while (fills.HasNext)
        {
            fills.Next();
            if (_ledger.OnFill(strategyId, instrumentId, side, fills.LastQty, fills.LastPx, fills.Fee) == FillResult.Applied)
            {
                Fills++;
                FilledQty += fills.LastQty;
            }
        }

        if (rejected)
        {
            OrderRejected?.Invoke(order);
        }

        if (order.IsOpen)
        {
            _open[clOrdId] = order;
            return;
        }

        _open.Remove(clOrdId);
        RememberClosed(order);
    }

    /// <summary>Keeps the last closed orders, oldest forgotten first.</summary>
    private void RememberClosed(OrderRow order)
    {
        _closed.AddLast(order);
        if (_closed.Count > _closedCapacity)
        {
            _closed.RemoveFirst();
        }
    }

    private void OnPnl(ReadOnlySpan<byte> payload)
    {
        if (PnlSnapshotDecoder.TryDecode(payload, 0, out PnlSnapshotDecoder p, out SbeError _) != SbeDecodeStatus.Ok)
        {
            return;
        }

        long realized = p.RealizedPnl;
        long unrealized = p.UnrealizedPnl;
        long daily = p.DailyPnl;
        long hwm = p.HighWaterMark;
        long drawdown = p.Drawdown;
        long gross = p.GrossExposure;
        long net = p.NetExposure;
        long ts = (long)p.Ts;
        var strategies = new List<StrategyPnlRow>();
        var group = p.Strategies();
        while (group.HasNext)
        {
            group.Next();
            strategies.Add(new StrategyPnlRow(group.StrategyId, group.RealizedPnl, group.UnrealizedPnl));
        }

        Pnl = new PnlRow(realized, unrealized, daily, hwm, drawdown, gross, net, ts, strategies);
    }

    private void OnAlert(ReadOnlySpan<byte> payload, long sequence)
    {
        if (RiskAlertDecoder.TryDecode(payload, 0, out RiskAlertDecoder a, out SbeError _) != SbeDecodeStatus.Ok)
        {
            return;
        }

        int strategyId = a.StrategyId == RiskAlertDecoder.StrategyIdNullValue ? -1 : a.StrategyId;
        int instrumentId = a.InstrumentId == RiskAlertDecoder.InstrumentIdNullValue ? -1 : a.InstrumentId;
        var alert = new AlertRow(sequence, a.BreachType, a.Severity, strategyId, instrumentId, a.Value, a.LimitValue, (long)a.Ts, a.GetTextAsString());
        _alertsByBreach[(byte)alert.Breach]++;
        _alerts.AddLast(alert);
        if (_alerts.Count > RecentAlertCapacity)
        {
            _alerts.RemoveFirst();
        }

        AlertApplied?.Invoke(alert);
    }

    private void OnKillSwitch(ReadOnlySpan<byte> payload)
    {
        if (KillSwitchStateDecoder.TryDecode(payload, 0, out KillSwitchStateDecoder k, out SbeError _) != SbeDecodeStatus.Ok)
        {
            return;
        }

        bool engaged = k.Engaged == BooleanType.True;
        BreachType breach = k.BreachType;
        long canceled = k.CanceledOrders;
        long correlationId = k.CorrelationId;
        long ts = (long)k.Ts;
        // var data in schema order: source, then reason
        string source = k.GetSourceAsString();
        string reason = k.GetReasonAsString();
        KillSwitch = new KillSwitchRow(engaged, breach, canceled, correlationId, ts, source, reason);
        KillSwitchApplied?.Invoke(KillSwitch);
    }

    public void Dispose() => _ledger.Dispose();

    private void OnFeedHealth(ReadOnlySpan<byte> payload)
    {
        if (FeedHealthDecoder.TryDecode(payload, 0, out FeedHealthDecoder h, out SbeError _) != SbeDecodeStatus.Ok)
        {
            return;
        }

        if (h.Signal == FeedSignal.Gap)
        {
            FeedGaps++;
        }

        FeedHealthReported?.Invoke(new FeedHealthRow(LastSequence, h.FeedId, h.Signal, (long)h.Sequence, (long)h.GapCount, (long)h.ReceiveTs));
    }

    private void OnFeedSwitch(ReadOnlySpan<byte> payload)
    {
        if (FeedSwitchDecoder.TryDecode(payload, 0, out FeedSwitchDecoder f, out SbeError _) != SbeDecodeStatus.Ok)
        {
            return;
        }

        FeedSwitches++;
        FeedSwitched?.Invoke(new FeedSwitchRow(LastSequence, f.InstrumentId, f.FromFeedId, f.ToFeedId, f.FromState, (long)f.Ts));
    }
}
