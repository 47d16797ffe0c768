namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'W' MWCB Status (4.2.5.2) message (12 bytes, <see cref="ItchDescriptor.MwcbStatus"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchMwcbStatus
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchMwcbStatus(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'W' message of exactly 12 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchMwcbStatus view)
    {
        bool valid = message.Length == ItchDescriptor.MwcbStatus.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.MwcbStatus.Type;
        view = valid ? new ItchMwcbStatus(message) : default;
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

    /// <summary>1, 2 or 3.</summary>
    public char BreachedLevel => (char)ItchFieldReader.Byte(_message, ItchDescriptor.MwcbStatus.BreachedLevelOffset);
}
