namespace Llt.Hotpath.Feeds.Iex;

/// <summary>Order Delete 'R' (DEEP+): a displayed order was removed from the IEX book.</summary>
public readonly ref struct OrderDeleteMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal OrderDeleteMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));

    public long OrderIdReference => IexBytes.Int64(_buffer, DeepPlusDescriptor.OrderIdOffset);
}
