using Llt.Sbe;

namespace Llt.Benchmarks.Sbe;

/// <summary>
/// The content of one ExecutionReport (fixed fields, the <c>fills</c> group, the <c>text</c> var data) as a plain
/// object: the source the SBE encoder copies from and the type System.Text.Json serializes.
/// </summary>
public sealed class ExecutionReportModel
{
    public ulong ClOrdId { get; set; }

    public ulong VenueOrderId { get; set; }

    public int InstrumentId { get; set; }

    public short StrategyId { get; set; }

    public short VenueId { get; set; }

    public ExecType ExecType { get; set; }

    public OrdStatus OrdStatus { get; set; }

    public Side Side { get; set; }

    public RejectReason RejectReason { get; set; }

    public long Price { get; set; }

    public long OrderQty { get; set; }

    public long CumQty { get; set; }

    public long LeavesQty { get; set; }

    public long AvgPx { get; set; }

    public ulong TransactTs { get; set; }

    public ulong ReceiveTs { get; set; }

    public List<FillModel> Fills { get; set; } = [];

    public string Text { get; set; } = "";
}
