namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Order Executed 'L' (DEEP+): a displayed order was executed against; the order leaves the book when its
/// remaining size reaches 0. The price may differ from the order's displayed price (price improvement).
/// </summary>
public readonly ref struct OrderExecutedMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal OrderExecutedMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    public byte SaleConditionFlags => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));

    public long OrderIdReference => IexBytes.Int64(_buffer, DeepPlusDescriptor.OrderIdOffset);

    /// <summary>Executed size.</summary>
    public uint Size => IexBytes.UInt32(_buffer, DeepPlusDescriptor.SizeOffset);

    /// <summary>Execution price, engine fixed point (10^-8).</summary>
    public long Price => IexPrice.ToEngine(RawPrice);

    public long RawPrice => IexBytes.Int64(_buffer, DeepPlusDescriptor.PriceOffset);

    public long TradeId => IexBytes.Int64(_buffer, DeepPlusDescriptor.TradeIdOffset);
}
