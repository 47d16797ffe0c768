namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'J' LULD Auction Collar (4.2.7) message (35 bytes, <see cref="ItchDescriptor.LuldAuctionCollar"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchLuldAuctionCollar
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchLuldAuctionCollar(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'J' message of exactly 35 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchLuldAuctionCollar view)
    {
        bool valid = message.Length == ItchDescriptor.LuldAuctionCollar.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.LuldAuctionCollar.Type;
        view = valid ? new ItchLuldAuctionCollar(message) : default;
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

    /// <summary>Stock symbol, 8 ASCII characters right-padded with spaces.</summary>
    public ReadOnlySpan<byte> Stock => _message.Slice(ItchDescriptor.LuldAuctionCollar.StockOffset, ItchDescriptor.StockLength);

    /// <summary>The stock symbol as a comparable value.</summary>
    public ItchSymbol Symbol => new(ItchFieldReader.UInt64(_message, ItchDescriptor.LuldAuctionCollar.StockOffset));

    /// <summary>Price(4) as fixed point with exponent −8.</summary>
    public long AuctionCollarReferencePrice => ItchFieldReader.UInt32(_message, ItchDescriptor.LuldAuctionCollar.AuctionCollarReferencePriceOffset) * ItchDescriptor.Price4Scale;

    /// <summary>Price(4) as fixed point with exponent −8.</summary>
    public long UpperAuctionCollarPrice => ItchFieldReader.UInt32(_message, ItchDescriptor.LuldAuctionCollar.UpperAuctionCollarPriceOffset) * ItchDescriptor.Price4Scale;

    /// <summary>Price(4) as fixed point with exponent −8.</summary>
    public long LowerAuctionCollarPrice => ItchFieldReader.UInt32(_message, ItchDescriptor.LuldAuctionCollar.LowerAuctionCollarPriceOffset) * ItchDescriptor.Price4Scale;

    /// <summary>Extensions of the reopening auction.</summary>
    public uint AuctionCollarExtension => ItchFieldReader.UInt32(_message, ItchDescriptor.LuldAuctionCollar.AuctionCollarExtensionOffset);
}
