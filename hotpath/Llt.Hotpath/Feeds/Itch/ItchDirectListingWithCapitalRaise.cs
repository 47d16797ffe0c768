namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'O' Direct Listing with Capital Raise Price Discovery (4.8) message (48 bytes, <see cref="ItchDescriptor.DirectListingWithCapitalRaise"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchDirectListingWithCapitalRaise
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchDirectListingWithCapitalRaise(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'O' message of exactly 48 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchDirectListingWithCapitalRaise view)
    {
        bool valid = message.Length == ItchDescriptor.DirectListingWithCapitalRaise.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.DirectListingWithCapitalRaise.Type;
        view = valid ? new ItchDirectListingWithCapitalRaise(message) : default;
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
    public ReadOnlySpan<byte> Stock => _message.Slice(ItchDescriptor.DirectListingWithCapitalRaise.StockOffset, ItchDescriptor.StockLength);

    /// <summary>The stock symbol as a comparable value.</summary>
    public ItchSymbol Symbol => new(ItchFieldReader.UInt64(_message, ItchDescriptor.DirectListingWithCapitalRaise.StockOffset));

    /// <summary>Y eligible for release, N not.</summary>
    public char OpenEligibilityStatus => (char)ItchFieldReader.Byte(_message, ItchDescriptor.DirectListingWithCapitalRaise.OpenEligibilityStatusOffset);

    /// <summary>Price(4) as fixed point with exponent −8.</summary>
    public long MinimumAllowablePrice => ItchFieldReader.UInt32(_message, ItchDescriptor.DirectListingWithCapitalRaise.MinimumAllowablePriceOffset) * ItchDescriptor.Price4Scale;

    /// <summary>Price(4) as fixed point with exponent −8.</summary>
    public long MaximumAllowablePrice => ItchFieldReader.UInt32(_message, ItchDescriptor.DirectListingWithCapitalRaise.MaximumAllowablePriceOffset) * ItchDescriptor.Price4Scale;

    /// <summary>Price(4) as fixed point with exponent −8.</summary>
    public long NearExecutionPrice => ItchFieldReader.UInt32(_message, ItchDescriptor.DirectListingWithCapitalRaise.NearExecutionPriceOffset) * ItchDescriptor.Price4Scale;

    /// <summary>When the near execution price was set.</summary>
    public long NearExecutionTime => (long)ItchFieldReader.UInt64(_message, ItchDescriptor.DirectListingWithCapitalRaise.NearExecutionTimeOffset);

    /// <summary>Price(4) as fixed point with exponent −8.</summary>
    public long LowerPriceRangeCollar => ItchFieldReader.UInt32(_message, ItchDescriptor.DirectListingWithCapitalRaise.LowerPriceRangeCollarOffset) * ItchDescriptor.Price4Scale;

    /// <summary>Price(4) as fixed point with exponent −8.</summary>
    public long UpperPriceRangeCollar => ItchFieldReader.UInt32(_message, ItchDescriptor.DirectListingWithCapitalRaise.UpperPriceRangeCollarOffset) * ItchDescriptor.Price4Scale;
}
