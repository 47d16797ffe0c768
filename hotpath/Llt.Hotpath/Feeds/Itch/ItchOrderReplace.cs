namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'U' Order Replace (4.4.5) message (35 bytes, <see cref="ItchDescriptor.OrderReplace"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchOrderReplace
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchOrderReplace(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'U' message of exactly 35 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchOrderReplace view)
    {
        bool valid = message.Length == ItchDescriptor.OrderReplace.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.OrderReplace.Type;
        view = valid ? new ItchOrderReplace(message) : default;
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

    public long OriginalOrderReferenceNumber => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.OrderReplace.OriginalOrderReferenceNumberOffset);

    /// <summary>Used by all later updates of the order.</summary>
    public long NewOrderReferenceNumber => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.OrderReplace.NewOrderReferenceNumberOffset);

    /// <summary>New displayed quantity.</summary>
    public uint Shares => ItchFieldReader.UInt32(_message, ItchDescriptor.OrderReplace.SharesOffset);

    /// <summary>New display price. Price(4) as fixed point with exponent −8.</summary>
    public long Price => ItchFieldReader.UInt32(_message, ItchDescriptor.OrderReplace.PriceOffset) * ItchDescriptor.Price4Scale;
}
