namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'A' Add Order – No MPID Attribution (4.3.1) message (36 bytes, <see cref="ItchDescriptor.AddOrder"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchAddOrder
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchAddOrder(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'A' message of exactly 36 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchAddOrder view)
    {
        bool valid = message.Length == ItchDescriptor.AddOrder.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.AddOrder.Type;
        view = valid ? new ItchAddOrder(message) : default;
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
    public long OrderReferenceNumber => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.AddOrder.OrderReferenceNumberOffset);

    /// <summary>B buy, S sell.</summary>
    public char BuySellIndicator => (char)ItchFieldReader.Byte(_message, ItchDescriptor.AddOrder.BuySellIndicatorOffset);

    public uint Shares => ItchFieldReader.UInt32(_message, ItchDescriptor.AddOrder.SharesOffset);

    /// <summary>Stock symbol, 8 ASCII characters right-padded with spaces.</summary>
    public ReadOnlySpan<byte> Stock => _message.Slice(ItchDescriptor.AddOrder.StockOffset, ItchDescriptor.StockLength);

    /// <summary>The stock symbol as a comparable value.</summary>
    public ItchSymbol Symbol => new(ItchFieldReader.UInt64(_message, ItchDescriptor.AddOrder.StockOffset));

    /// <summary>Display price. Price(4) as fixed point with exponent −8.</summary>
    public long Price => ItchFieldReader.UInt32(_message, ItchDescriptor.AddOrder.PriceOffset) * ItchDescriptor.Price4Scale;
}
