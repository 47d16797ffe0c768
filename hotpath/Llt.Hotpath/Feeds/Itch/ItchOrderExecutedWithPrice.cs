namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'C' Order Executed With Price (4.4.2) message (36 bytes, <see cref="ItchDescriptor.OrderExecutedWithPrice"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchOrderExecutedWithPrice
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchOrderExecutedWithPrice(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'C' message of exactly 36 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchOrderExecutedWithPrice view)
    {
        bool valid = message.Length == ItchDescriptor.OrderExecutedWithPrice.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.OrderExecutedWithPrice.Type;
        view = valid ? new ItchOrderExecutedWithPrice(message) : default;
        return valid;
    }

    /// <summary>The message bytes, type byte included.</summary>
    public ReadOnlySpan<byte> Bytes => _message;

    /// <summary>Locate code of the security for the day.</summary>
    public ushort StockLocate => ItchFieldReader.UInt16(_message, ItchDescriptor.StockLocateOffset);

    /// <summary>Nasdaq internal tracking number.</summary>
    public ushort TrackingNumber => ItchFieldReader.UInt16(_message, ItchDescriptor.TrackingNumberOffset);

    /// <summary>Nanoseconds since midnight.</summary>
    public long Timestamp => ItchFieldReader.Timestamp(_message);

    public long OrderReferenceNumber => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.OrderExecutedWithPrice.OrderReferenceNumberOffset);

    public uint ExecutedShares => ItchFieldReader.UInt32(_message, ItchDescriptor.OrderExecutedWithPrice.ExecutedSharesOffset);

    public long MatchNumber => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.OrderExecutedWithPrice.MatchNumberOffset);

    /// <summary>Y printable, N not (counted in a later bulk print).</summary>
    public char Printable => (char)ItchFieldReader.Byte(_message, ItchDescriptor.OrderExecutedWithPrice.PrintableOffset);

    /// <summary>Price(4) as fixed point with exponent −8.</summary>
    public long ExecutionPrice => ItchFieldReader.UInt32(_message, ItchDescriptor.OrderExecutedWithPrice.ExecutionPriceOffset) * ItchDescriptor.Price4Scale;
}
