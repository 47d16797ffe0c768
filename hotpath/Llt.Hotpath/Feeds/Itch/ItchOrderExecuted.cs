namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'E' Order Executed (4.4.1) message (31 bytes, <see cref="ItchDescriptor.OrderExecuted"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchOrderExecuted
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchOrderExecuted(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'E' message of exactly 31 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchOrderExecuted view)
    {
        bool valid = message.Length == ItchDescriptor.OrderExecuted.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.OrderExecuted.Type;
        view = valid ? new ItchOrderExecuted(message) : default;
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

    public long OrderReferenceNumber => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.OrderExecuted.OrderReferenceNumberOffset);

    public uint ExecutedShares => ItchFieldReader.UInt32(_message, ItchDescriptor.OrderExecuted.ExecutedSharesOffset);

    /// <summary>Day-unique; referenced by Broken Trade.</summary>
    public long MatchNumber => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.OrderExecuted.MatchNumberOffset);
}
