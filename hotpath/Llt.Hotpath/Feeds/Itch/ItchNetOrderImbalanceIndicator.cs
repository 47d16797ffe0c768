namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'I' Net Order Imbalance Indicator (NOII) (4.6) message (50 bytes, <see cref="ItchDescriptor.NetOrderImbalanceIndicator"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchNetOrderImbalanceIndicator
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchNetOrderImbalanceIndicator(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'I' message of exactly 50 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchNetOrderImbalanceIndicator view)
    {
        bool valid = message.Length == ItchDescriptor.NetOrderImbalanceIndicator.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.NetOrderImbalanceIndicator.Type;
        view = valid ? new ItchNetOrderImbalanceIndicator(message) : default;
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

    public long PairedShares => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.NetOrderImbalanceIndicator.PairedSharesOffset);

    public long ImbalanceShares => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.NetOrderImbalanceIndicator.ImbalanceSharesOffset);

    /// <summary>B buy, S sell, N none, O insufficient orders, P paused.</summary>
    public char ImbalanceDirection => (char)ItchFieldReader.Byte(_message, ItchDescriptor.NetOrderImbalanceIndicator.ImbalanceDirectionOffset);

    /// <summary>Stock symbol, 8 ASCII characters right-padded with spaces.</summary>
    public ReadOnlySpan<byte> Stock => _message.Slice(ItchDescriptor.NetOrderImbalanceIndicator.StockOffset, ItchDescriptor.StockLength);

    /// <summary>The stock symbol as a comparable value.</summary>
    public ItchSymbol Symbol => new(ItchFieldReader.UInt64(_message, ItchDescriptor.NetOrderImbalanceIndicator.StockOffset));

    /// <summary>Price(4) as fixed point with exponent −8.</summary>
    public long FarPrice => ItchFieldReader.UInt32(_message, ItchDescriptor.NetOrderImbalanceIndicator.FarPriceOffset) * ItchDescriptor.Price4Scale;

    /// <summary>Price(4) as fixed point with exponent −8.</summary>
    public long NearPrice => ItchFieldReader.UInt32(_message, ItchDescriptor.NetOrderImbalanceIndicator.NearPriceOffset) * ItchDescriptor.Price4Scale;

    /// <summary>Price(4) as fixed point with exponent −8.</summary>
    public long CurrentReferencePrice => ItchFieldReader.UInt32(_message, ItchDescriptor.NetOrderImbalanceIndicator.CurrentReferencePriceOffset) * ItchDescriptor.Price4Scale;

    /// <summary>O opening, C closing, H IPO/halted, A extended trading close.</summary>
    public char CrossType => (char)ItchFieldReader.Byte(_message, ItchDescriptor.NetOrderImbalanceIndicator.CrossTypeOffset);

    public char PriceVariationIndicator => (char)ItchFieldReader.Byte(_message, ItchDescriptor.NetOrderImbalanceIndicator.PriceVariationIndicatorOffset);
}
