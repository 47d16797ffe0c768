using System.Runtime.InteropServices;

namespace Llt.Hotpath.Portfolio;

/// <summary>
/// Per-instrument aggregate over all strategies, one cache line. Every P&amp;L quantity is linear in the
/// strategy positions (Σq × mark − ΣcostBasis = Σ(q × mark − costBasis)), so the aggregate is exact and a mark
/// updates the portfolio totals in O(1) without visiting the strategies.
/// <code>
///   0               16        24            32     40     48            56           64
///   | CostBasis i128 | Quantity | RealizedPnl | Fees | Mark | NetExposure | MarkSource |
/// </code>
/// Gross exposure is |NetExposure| (|q| × |mark| = |q × mark|), so it is not stored.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct InstrumentExposure
{
    public const int Size = 64;

    [FieldOffset(0)] public Int128 CostBasis;
    [FieldOffset(16)] public long Quantity;
    [FieldOffset(24)] public long RealizedPnl;
    [FieldOffset(32)] public long Fees;
    [FieldOffset(40)] public long Mark;
    /// <summary>Quantity × Mark, cached so a fill or mark can subtract the old contribution from the totals.</summary>
    [FieldOffset(48)] public long NetExposure;
    [FieldOffset(56)] public MarkSource MarkSource;
}
