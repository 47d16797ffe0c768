namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'D' Order Delete (4.4.4) message (19 bytes, <see cref="ItchDescriptor.OrderDelete"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchOrderDelete
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchOrderDelete(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'D' message of exactly 19 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchOrderDelete view)
    {
        bool valid = message.Length == ItchDescriptor.OrderDelete.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.OrderDelete.Type;
        view = valid ? new ItchOrderDelete(message) : default;
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

    public long OrderReferenceNumber => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.OrderDelete.OrderReferenceNumberOffset);
}
