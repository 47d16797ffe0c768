namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'V' MWCB Decline Level (4.2.5.1) message (35 bytes, <see cref="ItchDescriptor.MwcbDeclineLevel"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchMwcbDeclineLevel
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchMwcbDeclineLevel(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'V' message of exactly 35 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchMwcbDeclineLevel view)
    {
        bool valid = message.Length == ItchDescriptor.MwcbDeclineLevel.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.MwcbDeclineLevel.Type;
        view = valid ? new ItchMwcbDeclineLevel(message) : default;
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

    /// <summary>Price(8): already fixed point with exponent −8.</summary>
    public long Level1 => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.MwcbDeclineLevel.Level1Offset);

    /// <summary>Price(8): already fixed point with exponent −8.</summary>
    public long Level2 => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.MwcbDeclineLevel.Level2Offset);

    /// <summary>Price(8): already fixed point with exponent −8.</summary>
    public long Level3 => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.MwcbDeclineLevel.Level3Offset);
}
