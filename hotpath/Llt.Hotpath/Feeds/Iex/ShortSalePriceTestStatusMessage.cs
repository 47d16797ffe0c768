namespace Llt.Hotpath.Feeds.Iex;

/// <summary>Short Sale Price Test Status 'P': whether the Reg SHO Rule 201 short sale price test is in effect.</summary>
public readonly ref struct ShortSalePriceTestStatusMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal ShortSalePriceTestStatusMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    /// <summary>0 not in effect, 1 in effect.</summary>
    public byte ShortSalePriceTestStatus => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));

    /// <summary>' ' no price test, 'A' activated, 'C' continued, 'D' deactivated, 'N' detail not available.</summary>
    public byte Detail => IexBytes.UInt8(_buffer, IexMessageDescriptor.DetailOffset);

    public bool IsInEffect => ShortSalePriceTestStatus != 0;
}
