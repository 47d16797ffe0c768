using Llt.Sbe;

namespace Llt.Shell.Sinks.Events;

/// <summary>An ExecutionReport: an order's state change, with the fills it reports.</summary>
public sealed record ExecutionEvent(
    long Sequence,
    long TimestampNs,
    long ClOrdId,
    long VenueOrderId,
    int InstrumentId,
    int StrategyId,
    int VenueId,
    ExecType ExecType,
    OrdStatus OrdStatus,
    Side Side,
    RejectReason RejectReason,
    long? Price,
    long OrderQty,
    long CumQty,
    long LeavesQty,
    long? AvgPx,
    long TransactTs,
    IReadOnlyList<ExecutionFill> Fills,
    string Text) : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => "ExecutionReport";
}
