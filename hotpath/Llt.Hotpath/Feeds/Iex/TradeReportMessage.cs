namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Trade Report 'T' (TOPS, DEEP; DEEP+ "Trade", same layout): one execution on IEX. In DEEP+ it reports a
/// non-displayed execution that leaves the displayed book unchanged.
/// </summary>
public readonly ref struct TradeReportMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal TradeReportMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    /// <summary>0x80 ISO, 0x40 extended hours (Form T), 0x20 odd lot, 0x10 trade-through exempt, 0x08 single-price cross.</summary>
    public byte SaleConditionFlags => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));

    public uint Size => IexBytes.UInt32(_buffer, IexMessageDescriptor.TradeSizeOffset);

    /// <summary>Trade price, engine fixed point (10^-8).</summary>
    public long Price => IexPrice.ToEngine(RawPrice);

    /// <summary>Trade price as on the wire (10^-4).</summary>
    public long RawPrice => IexBytes.Int64(_buffer, IexMessageDescriptor.TradePriceOffset);

    /// <summary>IEX-generated trade id, referenced by a later Trade Break.</summary>
    public long TradeId => IexBytes.Int64(_buffer, IexMessageDescriptor.TradeIdOffset);
}
