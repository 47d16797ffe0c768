namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'Q' Cross Trade (4.5.2) message (40 bytes, <see cref="ItchDescriptor.CrossTrade"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchCrossTrade
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchCrossTrade(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'Q' message of exactly 40 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchCrossTrade view)
    {
        bool valid = message.Length == ItchDescriptor.CrossTrade.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.CrossTrade.Type;
        view = valid ? new ItchCrossTrade(message) : default;
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

    public long Shares => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.CrossTrade.SharesOffset);

    /// <summary>Stock symbol, 8 ASCII characters right-padded with spaces.</summary>
    public ReadOnlySpan<byte> Stock => _message.Slice(ItchDescriptor.CrossTrade.StockOffset, ItchDescriptor.StockLength);

    /// <summary>The stock symbol as a comparable value.</summary>
    public ItchSymbol Symbol => new(ItchFieldReader.UInt64(_message, ItchDescriptor.CrossTrade.StockOffset));

    /// <summary>Price(4) as fixed point with exponent −8.</summary>
    public long CrossPrice => ItchFieldReader.UInt32(_message, ItchDescriptor.CrossTrade.CrossPriceOffset) * ItchDescriptor.Price4Scale;

    public long MatchNumber => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.CrossTrade.MatchNumberOffset);

    /// <summary>O opening, C closing, H IPO/halted, I intraday/post-close.</summary>
    public char CrossType => (char)ItchFieldReader.Byte(_message, ItchDescriptor.CrossTrade.CrossTypeOffset);
}
