namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'X' Order Cancel (4.4.3) message (23 bytes, <see cref="ItchDescriptor.OrderCancel"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchOrderCancel
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchOrderCancel(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'X' message of exactly 23 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchOrderCancel view)
    {
        bool valid = message.Length == ItchDescriptor.OrderCancel.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.OrderCancel.Type;
        view = valid ? new ItchOrderCancel(message) : default;
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

    public long OrderReferenceNumber => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.OrderCancel.OrderReferenceNumberOffset);

    /// <summary>Shares removed from the display size.</summary>
    public uint CanceledShares => ItchFieldReader.UInt32(_message, ItchDescriptor.OrderCancel.CanceledSharesOffset);
}
