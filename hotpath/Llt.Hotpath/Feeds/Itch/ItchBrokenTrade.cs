namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'B' Broken Trade / Order Execution (4.5.3) message (19 bytes, <see cref="ItchDescriptor.BrokenTrade"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchBrokenTrade
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchBrokenTrade(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'B' message of exactly 19 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchBrokenTrade view)
    {
        bool valid = message.Length == ItchDescriptor.BrokenTrade.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.BrokenTrade.Type;
        view = valid ? new ItchBrokenTrade(message) : default;
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

    /// <summary>Match number of the broken execution.</summary>
    public long MatchNumber => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.BrokenTrade.MatchNumberOffset);
}
