using Llt.Sbe;

namespace Llt.Benchmarks.Sbe;

/// <summary>One entry of the ExecutionReport <c>fills</c> group as a plain object.</summary>
public sealed class FillModel
{
    public long LastPx { get; set; }

    public long LastQty { get; set; }

    public long Fee { get; set; }

    public ulong TradeId { get; set; }

    public Liquidity Liquidity { get; set; }
}
