using System.Runtime.InteropServices;

namespace Llt.Hotpath.Portfolio;

/// <summary>
/// State of one (strategy, instrument) position in the ledger's unmanaged array. Instrument-major: the slots of
/// one instrument's strategies are adjacent, so an instrument's positions share cache lines.
/// <code>
///   0               16        24            32     40         48
///   | CostBasis i128 | Quantity | RealizedPnl | Fees | FillCount |
/// </code>
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct PositionSlot
{
    public const int Size = 48;

    /// <summary>Σ signed quantity × price of what is still open, in 10^-8 money; exact, never rounded away.</summary>
    [FieldOffset(0)] public Int128 CostBasis;
    [FieldOffset(16)] public long Quantity;
    /// <summary>Realized P&amp;L net of fees, 10^-8 money.</summary>
    [FieldOffset(24)] public long RealizedPnl;
    [FieldOffset(32)] public long Fees;
    [FieldOffset(40)] public long FillCount;
}
