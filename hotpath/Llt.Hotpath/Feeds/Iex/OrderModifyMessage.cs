namespace Llt.Hotpath.Feeds.Iex;

/// <summary>Order Modify 'M' (DEEP+): a displayed order's price, size or priority changed.</summary>
public readonly ref struct OrderModifyMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal OrderModifyMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    /// <summary>Bit 0: 1 maintain priority, 0 reset priority; bits 1-7 reserved.</summary>
    public byte ModifyFlags => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    public bool MaintainsPriority => (ModifyFlags & DeepPlusDescriptor.ModifyMaintainPriorityFlag) != 0;

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));

    public long OrderIdReference => IexBytes.Int64(_buffer, DeepPlusDescriptor.OrderIdOffset);

    /// <summary>New total displayed size.</summary>
    public uint Size => IexBytes.UInt32(_buffer, DeepPlusDescriptor.SizeOffset);

    /// <summary>Booking price, engine fixed point (10^-8).</summary>
    public long Price => IexPrice.ToEngine(RawPrice);

    public long RawPrice => IexBytes.Int64(_buffer, DeepPlusDescriptor.PriceOffset);
}
