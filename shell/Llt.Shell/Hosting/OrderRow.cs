using Llt.Sbe;

namespace Llt.Shell.Hosting;

/// <summary>One order as rebuilt from the journal: its NewOrder, then each ExecutionReport's state. Prices 10^-8, null price = market.</summary>
public sealed class OrderRow
{
    public long ClOrdId { get; init; }

    /// <summary>The strategy's order this one is a routed slice (leg) of; 0 for an order sent as is.</summary>
    public long ParentClOrdId { get; init; }

    public int StrategyId { get; init; }

    public int InstrumentId { get; init; }

    public Side Side { get; init; }

    public OrdType OrdType { get; init; }

    public long? Price { get; set; }

    public long OrderQty { get; set; }

    public long CumQty { get; set; }

    public long LeavesQty { get; set; }

    public long? AvgPx { get; set; }

    public OrdStatus Status { get; set; }

    public RejectReason RejectReason { get; set; }

    /// <summary>Journal timestamp (epoch ns) of the NewOrder, or of the first report when no NewOrder was seen.</summary>
    public long CreatedNs { get; init; }

    public long UpdatedNs { get; set; }

    public bool IsOpen => Status is OrdStatus.PendingNew or OrdStatus.New or OrdStatus.PartiallyFilled or OrdStatus.PendingCancel or OrdStatus.PendingReplace;
}
