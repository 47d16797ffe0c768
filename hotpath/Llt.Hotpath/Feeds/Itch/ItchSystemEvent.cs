namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'S' System Event Message (4.1) message (12 bytes, <see cref="ItchDescriptor.SystemEvent"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchSystemEvent
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchSystemEvent(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'S' message of exactly 12 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchSystemEvent view)
    {
        bool valid = message.Length == ItchDescriptor.SystemEvent.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.SystemEvent.Type;
        view = valid ? new ItchSystemEvent(message) : default;
        return valid;
    }

    /// <summary>The message bytes, type byte included.</summary>
    public ReadOnlySpan<byte> Bytes => _message;

    /// <summary>Locate code of the security for the day (always 0 for this message).</summary>
    public ushort StockLocate => ItchFieldReader.UInt16(_message, ItchDescriptor.StockLocateOffset);

    /// <summary>Nasdaq internal tracking number.</summary>
    public ushort TrackingNumber => ItchFieldReader.UInt16(_message, ItchDescriptor.TrackingNumberOffset);

    /// <summary>Nanoseconds since midnight.</summary>
    public long Timestamp => ItchFieldReader.Timestamp(_message);

    /// <summary>O start of messages, S start of system hours, Q start of market hours, M end of market hours, E end of system hours, C end of messages.</summary>
    public char EventCode => (char)ItchFieldReader.Byte(_message, ItchDescriptor.SystemEvent.EventCodeOffset);
}
