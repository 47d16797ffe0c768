namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'F' Add Order with MPID Attribution (4.3.2) message (40 bytes, <see cref="ItchDescriptor.AddOrderMpid"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchAddOrderMpid
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchAddOrderMpid(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'F' message of exactly 40 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchAddOrderMpid view)
    {
        bool valid = message.Length == ItchDescriptor.AddOrderMpid.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.AddOrderMpid.Type;
        view = valid ? new ItchAddOrderMpid(message) : default;
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

    /// <summary>Day-unique order id.</summary>
    public long OrderReferenceNumber => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.AddOrderMpid.OrderReferenceNumberOffset);

    /// <summary>B buy, S sell.</summary>
    public char BuySellIndicator => (char)ItchFieldReader.Byte(_message, ItchDescriptor.AddOrderMpid.BuySellIndicatorOffset);

    public uint Shares => ItchFieldReader.UInt32(_message, ItchDescriptor.AddOrderMpid.SharesOffset);

    /// <summary>Stock symbol, 8 ASCII characters right-padded with spaces.</summary>
    public ReadOnlySpan<byte> Stock => _message.Slice(ItchDescriptor.AddOrderMpid.StockOffset, ItchDescriptor.StockLength);

    /// <summary>The stock symbol as a comparable value.</summary>
    public ItchSymbol Symbol => new(ItchFieldReader.UInt64(_message, ItchDescriptor.AddOrderMpid.StockOffset));

    /// <summary>Display price. Price(4) as fixed point with exponent −8.</summary>
    public long Price => ItchFieldReader.UInt32(_message, ItchDescriptor.AddOrderMpid.PriceOffset) * ItchDescriptor.Price4Scale;

    /// <summary>Market participant id of the order.</summary>
    public ReadOnlySpan<byte> Attribution => _message.Slice(ItchDescriptor.AddOrderMpid.AttributionOffset, 4);
}
