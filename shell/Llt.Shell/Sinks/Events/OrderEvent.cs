using Llt.Sbe;

namespace Llt.Shell.Sinks.Events;

/// <summary>What an order request (NewOrder, CancelOrder or ReplaceOrder) asked for, before risk and the venue answered.</summary>
public sealed record OrderEvent(
    long Sequence,
    long TimestampNs,
    OrderAction Action,
    long ClOrdId,
    long? OrigClOrdId,
    int InstrumentId,
    int StrategyId,
    int? VenueId,
    Side? Side,
    OrdType? OrdType,
    TimeInForce? TimeInForce,
    ExecInst ExecInst,
    long? Price,
    long? StopPrice,
    long? Qty,
    long DecisionTs) : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => Action switch
    {
        OrderAction.New => "NewOrder",
        OrderAction.Cancel => "CancelOrder",
        _ => "ReplaceOrder",
    };
}
