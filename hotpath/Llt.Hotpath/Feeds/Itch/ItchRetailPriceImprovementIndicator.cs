namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'N' Retail Price Improvement Indicator (RPII) (4.7) message (20 bytes, <see cref="ItchDescriptor.RetailPriceImprovementIndicator"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchRetailPriceImprovementIndicator
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchRetailPriceImprovementIndicator(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'N' message of exactly 20 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchRetailPriceImprovementIndicator view)
    {
        bool valid = message.Length == ItchDescriptor.RetailPriceImprovementIndicator.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.RetailPriceImprovementIndicator.Type;
        view = valid ? new ItchRetailPriceImprovementIndicator(message) : default;
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
    public ReadOnlySpan<byte> Stock => _message.Slice(ItchDescriptor.RetailPriceImprovementIndicator.StockOffset, ItchDescriptor.StockLength);

    /// <summary>The stock symbol as a comparable value.</summary>
    public ItchSymbol Symbol => new(ItchFieldReader.UInt64(_message, ItchDescriptor.RetailPriceImprovementIndicator.StockOffset));

    /// <summary>B buy side, S sell side, A both, N none.</summary>
    public char InterestFlag => (char)ItchFieldReader.Byte(_message, ItchDescriptor.RetailPriceImprovementIndicator.InterestFlagOffset);
}
