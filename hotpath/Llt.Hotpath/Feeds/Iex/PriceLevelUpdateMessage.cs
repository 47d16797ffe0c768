using Llt.Sbe;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Price Level Update '8' (buy) / '5' (sell) (DEEP): the aggregate displayed size at one price of one side;
/// size 0 removes the level. See <see cref="DeepDescriptor"/> for the event flags.
/// </summary>
public readonly ref struct PriceLevelUpdateMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal PriceLevelUpdateMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    /// <summary>'8' buy side, '5' sell side.</summary>
    public byte MessageType => IexBytes.UInt8(_buffer, IexMessageDescriptor.MessageTypeOffset);

    public Side Side => MessageType == DeepDescriptor.PriceLevelUpdateBuyType ? Side.Buy : Side.Sell;

    /// <summary>1 event processing complete (book consistent), 0 the book is in transition.</summary>
    public byte EventFlags => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    public bool IsEventProcessingComplete => (EventFlags & DeepDescriptor.EventProcessingComplete) != 0;

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));

    /// <summary>Aggregate displayed size at the price; 0 = level removed.</summary>
    public uint Size => IexBytes.UInt32(_buffer, DeepDescriptor.SizeOffset);

    /// <summary>Level price, engine fixed point (10^-8).</summary>
    public long Price => IexPrice.ToEngine(RawPrice);

    /// <summary>Level price as on the wire (10^-4).</summary>
    public long RawPrice => IexBytes.Int64(_buffer, DeepDescriptor.PriceOffset);
}
