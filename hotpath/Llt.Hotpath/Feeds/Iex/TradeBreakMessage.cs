namespace Llt.Hotpath.Feeds.Iex;

/// <summary>Trade Break 'B': an IEX execution reported earlier the same day was broken.</summary>
public readonly ref struct TradeBreakMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal TradeBreakMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    public byte SaleConditionFlags => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));

    public uint Size => IexBytes.UInt32(_buffer, IexMessageDescriptor.TradeSizeOffset);

    /// <summary>Broken trade's price, engine fixed point (10^-8).</summary>
    public long Price => IexPrice.ToEngine(RawPrice);

    public long RawPrice => IexBytes.Int64(_buffer, IexMessageDescriptor.TradePriceOffset);

    /// <summary>Trade id of the broken Trade Report / Order Executed.</summary>
    public long TradeId => IexBytes.Int64(_buffer, IexMessageDescriptor.TradeIdOffset);
}
