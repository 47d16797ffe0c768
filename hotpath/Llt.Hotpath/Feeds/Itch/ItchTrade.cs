namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'P' Trade Message (Non-Cross) (4.5.1) message (44 bytes, <see cref="ItchDescriptor.Trade"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchTrade
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchTrade(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'P' message of exactly 44 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchTrade view)
    {
        bool valid = message.Length == ItchDescriptor.Trade.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.Trade.Type;
        view = valid ? new ItchTrade(message) : default;
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

    /// <summary>Zero since 2010.</summary>
    public long OrderReferenceNumber => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.Trade.OrderReferenceNumberOffset);

    /// <summary>Always B since 2014.</summary>
    public char BuySellIndicator => (char)ItchFieldReader.Byte(_message, ItchDescriptor.Trade.BuySellIndicatorOffset);

    public uint Shares => ItchFieldReader.UInt32(_message, ItchDescriptor.Trade.SharesOffset);

    /// <summary>Stock symbol, 8 ASCII characters right-padded with spaces.</summary>
    public ReadOnlySpan<byte> Stock => _message.Slice(ItchDescriptor.Trade.StockOffset, ItchDescriptor.StockLength);

    /// <summary>The stock symbol as a comparable value.</summary>
    public ItchSymbol Symbol => new(ItchFieldReader.UInt64(_message, ItchDescriptor.Trade.StockOffset));

    /// <summary>Price(4) as fixed point with exponent −8.</summary>
    public long Price => ItchFieldReader.UInt32(_message, ItchDescriptor.Trade.PriceOffset) * ItchDescriptor.Price4Scale;

    public long MatchNumber => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.Trade.MatchNumberOffset);
}
