namespace Llt.Hotpath.Feeds.Iex;

/// <summary>Official Price 'X': the IEX official opening or closing price of an IEX-listed security.</summary>
public readonly ref struct OfficialPriceMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal OfficialPriceMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    /// <summary>'Q' official opening price, 'M' official closing price.</summary>
    public byte PriceType => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));

    /// <summary>Engine fixed point (10^-8).</summary>
    public long OfficialPrice => IexPrice.ToEngine(RawOfficialPrice);

    /// <summary>As on the wire (10^-4).</summary>
    public long RawOfficialPrice => IexBytes.Int64(_buffer, IexMessageDescriptor.OfficialPriceOffset);
}
