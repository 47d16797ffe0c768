using Llt.Sbe;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>Add Order 'a' (DEEP+): a displayed order was added to the IEX book.</summary>
public readonly ref struct AddOrderMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal AddOrderMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    /// <summary>'8' buy, '5' sell (checked by the parser).</summary>
    public byte SideCode => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    public Side Side => SideCode == DeepPlusDescriptor.SideBuy ? Side.Buy : Side.Sell;

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));

    public long OrderId => IexBytes.Int64(_buffer, DeepPlusDescriptor.OrderIdOffset);

    public uint Size => IexBytes.UInt32(_buffer, DeepPlusDescriptor.SizeOffset);

    /// <summary>Booking price, engine fixed point (10^-8).</summary>
    public long Price => IexPrice.ToEngine(RawPrice);

    public long RawPrice => IexBytes.Int64(_buffer, DeepPlusDescriptor.PriceOffset);
}
