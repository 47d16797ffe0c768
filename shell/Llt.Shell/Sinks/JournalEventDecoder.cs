using Llt.Codecs.Runtime;
using Llt.Hotpath.Journal;
using Llt.Sbe;
using Llt.Shell.Sinks.Events;

namespace Llt.Shell.Sinks;

/// <summary>
/// The one place journal frames become sink models: each frame's payload (a full SBE message, header included,
/// whose templateId is the frame type) is decoded with the generated flyweights' checked <c>TryDecode</c> and
/// copied into a small immutable record, so the frame's mapped bytes can be released at once. A frame that does
/// not decode becomes an <see cref="UndecodableEvent"/> holding its bytes and the decoder's reason.
/// </summary>
public static class JournalEventDecoder
{
    public static JournalEvent Decode(in JournalFrame frame) =>
        Decode(frame.Sequence, frame.Type, frame.TimestampNs, frame.Payload);

    public static JournalEvent Decode(long sequence, int type, long timestampNs, ReadOnlySpan<byte> payload)
    {
        SbeError error;
        switch (type)
        {
            case QuoteDecoder.TemplateId:
                if (QuoteDecoder.TryDecode(payload, 0, out QuoteDecoder quote, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return new QuoteEvent(sequence, timestampNs, quote.InstrumentId, quote.Flags, quote.FeedId,
                    quote.BidPrice, quote.BidSize, quote.AskPrice, quote.AskSize, (long)quote.ExchangeTs);

            case TradeDecoder.TemplateId:
                if (TradeDecoder.TryDecode(payload, 0, out TradeDecoder trade, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return new TradeEvent(sequence, timestampNs, trade.InstrumentId, trade.Aggressor, trade.FeedId,
                    trade.Price, trade.Size, (long)trade.TradeId, (long)trade.ExchangeTs);

            case InstrumentDefinitionDecoder.TemplateId:
                if (InstrumentDefinitionDecoder.TryDecode(payload, 0, out InstrumentDefinitionDecoder definition, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return new InstrumentDefinitionEvent(sequence, timestampNs, definition.InstrumentId, definition.SymbolAsString,
                    definition.ExchangeAsString, definition.TickSize, definition.LotSize, definition.MaxPosition,
                    definition.MarginRequirement);

            case NewOrderDecoder.TemplateId:
                if (NewOrderDecoder.TryDecode(payload, 0, out NewOrderDecoder order, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return new OrderEvent(sequence, timestampNs, OrderAction.New, (long)order.ClOrdId, null, order.InstrumentId,
                    order.StrategyId, NullIf(order.VenueId, NewOrderDecoder.VenueIdNullValue), order.Side, order.OrdType,
                    order.TimeInForce, order.ExecInst, NullIf(order.Price, NewOrderDecoder.PriceNullValue),
                    NullIf(order.StopPrice, NewOrderDecoder.StopPriceNullValue), order.Qty, (long)order.DecisionTs);

            case CancelOrderDecoder.TemplateId:
                if (CancelOrderDecoder.TryDecode(payload, 0, out CancelOrderDecoder cancel, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return new OrderEvent(sequence, timestampNs, OrderAction.Cancel, (long)cancel.ClOrdId, (long)cancel.OrigClOrdId,
                    cancel.InstrumentId, cancel.StrategyId, null, null, null, null, ExecInst.None, null, null, null,
                    (long)cancel.DecisionTs);

            case ReplaceOrderDecoder.TemplateId:
                if (ReplaceOrderDecoder.TryDecode(payload, 0, out ReplaceOrderDecoder replace, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return new OrderEvent(sequence, timestampNs, OrderAction.Replace, (long)replace.ClOrdId, (long)replace.OrigClOrdId,
                    replace.InstrumentId, replace.StrategyId, null, null, null, null, ExecInst.None,
                    NullIf(replace.Price, ReplaceOrderDecoder.PriceNullValue), null, replace.Qty, (long)replace.DecisionTs);

            case ExecutionReportDecoder.TemplateId:
                if (ExecutionReportDecoder.TryDecode(payload, 0, out ExecutionReportDecoder report, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return DecodeExecution(sequence, timestampNs, ref report);

            case RouteDecisionDecoder.TemplateId:
                if (RouteDecisionDecoder.TryDecode(payload, 0, out RouteDecisionDecoder route, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return DecodeRoute(sequence, timestampNs, ref route);

            case RiskAlertDecoder.TemplateId:
                if (RiskAlertDecoder.TryDecode(payload, 0, out RiskAlertDecoder alert, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return new RiskAlertEvent(sequence, timestampNs, alert.BreachType, alert.Severity,
                    NullIf(alert.StrategyId, RiskAlertDecoder.StrategyIdNullValue), NullIf(alert.InstrumentId, RiskAlertDecoder.InstrumentIdNullValue),
                    alert.Value, alert.LimitValue, (long)alert.Ts, alert.GetTextAsString());

            case KillSwitchStateDecoder.TemplateId:
                if (KillSwitchStateDecoder.TryDecode(payload, 0, out KillSwitchStateDecoder state, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return new KillSwitchEvent(sequence, timestampNs, state.Engaged == BooleanType.True,
                    state.BreachType == BreachType.NullValue ? null : state.BreachType, state.CanceledOrders, state.CorrelationId,
                    (long)state.Ts, state.GetSourceAsString(), state.GetReasonAsString());

            case RiskMetricsDecoder.TemplateId:
                if (RiskMetricsDecoder.TryDecode(payload, 0, out RiskMetricsDecoder metrics, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return new RiskMetricsEvent(sequence, timestampNs, metrics.Var95, metrics.Var99, metrics.MaxDrawdown,
                    metrics.GrossExposure, metrics.NetExposure, (long)metrics.Ts);

            case SetLimitDecoder.TemplateId:
                if (SetLimitDecoder.TryDecode(payload, 0, out SetLimitDecoder limit, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return new ControlEvent(sequence, timestampNs, "SetLimit", limit.CorrelationId, limit.GetSourceAsString(), [
                    new("limitType", limit.LimitType.ToString()),
                    new("scope", limit.Scope.ToString()),
                    new("strategyId", OptionalText(limit.StrategyId, SetLimitDecoder.StrategyIdNullValue)),
                    new("instrumentId", OptionalText(limit.InstrumentId, SetLimitDecoder.InstrumentIdNullValue)),
                    new("value", Invariant(limit.Value)),
                ]);

            case StrategyControlDecoder.TemplateId:
                if (StrategyControlDecoder.TryDecode(payload, 0, out StrategyControlDecoder strategy, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return new ControlEvent(sequence, timestampNs, "StrategyControl", strategy.CorrelationId, strategy.GetSourceAsString(), [
                    new("strategyId", Invariant(strategy.StrategyId)),
                    new("action", strategy.Action.ToString()),
                ]);

            case KillSwitchCommandDecoder.TemplateId:
                if (KillSwitchCommandDecoder.TryDecode(payload, 0, out KillSwitchCommandDecoder kill, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                // var data in schema order: source before reason
                return new ControlEvent(sequence, timestampNs, "KillSwitchCommand", kill.CorrelationId, kill.GetSourceAsString(), [
                    new("action", kill.Action.ToString()),
                    new("reason", kill.GetReasonAsString()),
                ]);

            case VenueControlDecoder.TemplateId:
                if (VenueControlDecoder.TryDecode(payload, 0, out VenueControlDecoder venue, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return new ControlEvent(sequence, timestampNs, "VenueControl", venue.CorrelationId, venue.GetSourceAsString(), [
                    new("venueId", Invariant(venue.VenueId)),
                    new("status", venue.Status.ToString()),
                ]);

            case CommandResultDecoder.TemplateId:
                if (CommandResultDecoder.TryDecode(payload, 0, out CommandResultDecoder result, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return new CommandResultEvent(sequence, timestampNs, result.CorrelationId, result.CommandTemplateId, result.Status,
                    result.RejectReason, (long)result.Ts, result.GetTextAsString());

            case PositionSnapshotDecoder.TemplateId:
                if (PositionSnapshotDecoder.TryDecode(payload, 0, out PositionSnapshotDecoder position, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return new PositionEvent(sequence, timestampNs, position.InstrumentId, position.StrategyId, position.Position,
                    NullIf(position.AvgPrice, PositionSnapshotDecoder.AvgPriceNullValue), position.RealizedPnl, position.UnrealizedPnl,
                    (long)position.Ts);

            case PnlSnapshotDecoder.TemplateId:
                if (PnlSnapshotDecoder.TryDecode(payload, 0, out PnlSnapshotDecoder pnl, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return DecodePnl(sequence, timestampNs, ref pnl);

            case HeartbeatDecoder.TemplateId:
                if (HeartbeatDecoder.TryDecode(payload, 0, out HeartbeatDecoder heartbeat, out error) != SbeDecodeStatus.Ok)
                {
                    break;
                }

                return new HeartbeatEvent(sequence, timestampNs, heartbeat.State, (long)heartbeat.Ts, (long)heartbeat.JournalSequence);

            default:
                string? name = UnstoredName(type);
                if (name is not null && payload.Length >= MessageHeaderLength)
                {
                    return new UnstoredEvent(sequence, timestampNs, type, name);
                }

                return new UndecodableEvent(sequence, timestampNs, type, payload.ToArray(),
                    name is null ? $"template {type} is not a message of schema llt.xml" : $"{name}: payload shorter than the SBE header");
        }

        return new UndecodableEvent(sequence, timestampNs, type, payload.ToArray(), $"{MessageName(type)}: {error}");
    }

    private const int MessageHeaderLength = 8;

    private static ExecutionEvent DecodeExecution(long sequence, long timestampNs, ref ExecutionReportDecoder report)
    {
        // Read in schema order: the block, then the fills group, then the text var data that follows it.
        long clOrdId = (long)report.ClOrdId;
        long venueOrderId = (long)report.VenueOrderId;
        int instrumentId = report.InstrumentId;
        int strategyId = report.StrategyId;
        int venueId = report.VenueId;
        ExecType execType = report.ExecType;
        OrdStatus ordStatus = report.OrdStatus;
        Side side = report.Side;
        RejectReason rejectReason = report.RejectReason;
        long? price = NullIf(report.Price, ExecutionReportDecoder.PriceNullValue);
        long orderQty = report.OrderQty;
        long cumQty = report.CumQty;
        long leavesQty = report.LeavesQty;
        long? avgPx = NullIf(report.AvgPx, ExecutionReportDecoder.AvgPxNullValue);
        long transactTs = (long)report.TransactTs;
        var fillsGroup = report.Fills();
        ExecutionFill[] fills = fillsGroup.Count == 0 ? [] : new ExecutionFill[fillsGroup.Count];
        for (int i = 0; i < fills.Length; i++)
        {
            fillsGroup.Next();
            fills[i] = new ExecutionFill(fillsGroup.LastPx, fillsGroup.LastQty, fillsGroup.Fee, (long)fillsGroup.TradeId, fillsGroup.Liquidity);
        }

        return new ExecutionEvent(sequence, timestampNs, clOrdId, venueOrderId, instrumentId, strategyId, venueId, execType, ordStatus,
            side, rejectReason, price, orderQty, cumQty, leavesQty, avgPx, transactTs, fills, report.GetTextAsString());
    }

    private static RouteDecisionEvent DecodeRoute(long sequence, long timestampNs, ref RouteDecisionDecoder route)
    {
        long parent = (long)route.ParentClOrdId;
        int instrumentId = route.InstrumentId;
        Side side = route.Side;
        long qty = route.Qty;
        long decisionTs = (long)route.DecisionTs;
        var legsGroup = route.Legs();
        var legs = new RouteLeg[legsGroup.Count];
        for (int i = 0; i < legs.Length; i++)
        {
            legsGroup.Next();
            legs[i] = new RouteLeg((long)legsGroup.ClOrdId, legsGroup.VenueId, NullIf(legsGroup.Price, long.MinValue), legsGroup.Qty);
        }

        return new RouteDecisionEvent(sequence, timestampNs, parent, instrumentId, side, qty, decisionTs, legs);
    }

    private static PnlEvent DecodePnl(long sequence, long timestampNs, ref PnlSnapshotDecoder pnl)
    {
        long realized = pnl.RealizedPnl;
        long unrealized = pnl.UnrealizedPnl;
        long daily = pnl.DailyPnl;
        long highWaterMark = pnl.HighWaterMark;
        long drawdown = pnl.Drawdown;
        long gross = pnl.GrossExposure;
        long net = pnl.NetExposure;
        long ts = (long)pnl.Ts;
        var group = pnl.Strategies();
        var strategies = new StrategyPnl[group.Count];
        for (int i = 0; i < strategies.Length; i++)
        {
            group.Next();
            strategies[i] = new StrategyPnl(group.StrategyId, group.RealizedPnl, group.UnrealizedPnl);
        }

        return new PnlEvent(sequence, timestampNs, realized, unrealized, daily, highWaterMark, drawdown, gross, net, ts, strategies);
    }

    private static long? NullIf(long value, long nullValue) => value == nullValue ? null : value;

    private static int? NullIf(int value, int nullValue) => value == nullValue ? null : value;

    private static int? NullIf(short value, short nullValue) => value == nullValue ? null : value;

    private static string OptionalText(long value, long nullValue) => value == nullValue ? "" : Invariant(value);

    private static string Invariant(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Schema messages the sinks decode by template id, for error texts.</summary>
    public static string MessageName(int type) => type switch
    {
        QuoteDecoder.TemplateId => "Quote",
        TradeDecoder.TemplateId => "Trade",
        InstrumentDefinitionDecoder.TemplateId => "InstrumentDefinition",
        NewOrderDecoder.TemplateId => "NewOrder",
        CancelOrderDecoder.TemplateId => "CancelOrder",
        ReplaceOrderDecoder.TemplateId => "ReplaceOrder",
        ExecutionReportDecoder.TemplateId => "ExecutionReport",
        RouteDecisionDecoder.TemplateId => "RouteDecision",
        RiskAlertDecoder.TemplateId => "RiskAlert",
        KillSwitchStateDecoder.TemplateId => "KillSwitchState",
        RiskMetricsDecoder.TemplateId => "RiskMetrics",
        SetLimitDecoder.TemplateId => "SetLimit",
        StrategyControlDecoder.TemplateId => "StrategyControl",
        KillSwitchCommandDecoder.TemplateId => "KillSwitchCommand",
        VenueControlDecoder.TemplateId => "VenueControl",
        CommandResultDecoder.TemplateId => "CommandResult",
        PositionSnapshotDecoder.TemplateId => "PositionSnapshot",
        PnlSnapshotDecoder.TemplateId => "PnlSnapshot",
        HeartbeatDecoder.TemplateId => "Heartbeat",
        _ => UnstoredName(type) ?? $"template {type}",
    };

    private static string? UnstoredName(int type) => type switch
    {
        BookLevelUpdateDecoder.TemplateId => "BookLevelUpdate",
        BookSnapshotDecoder.TemplateId => "BookSnapshot",
        OrderAddDecoder.TemplateId => "OrderAdd",
        OrderModifyDecoder.TemplateId => "OrderModify",
        OrderDeleteDecoder.TemplateId => "OrderDelete",
        OrderExecuteDecoder.TemplateId => "OrderExecute",
        InstrumentStatusDecoder.TemplateId => "InstrumentStatus",
        _ => null,
    };
}
