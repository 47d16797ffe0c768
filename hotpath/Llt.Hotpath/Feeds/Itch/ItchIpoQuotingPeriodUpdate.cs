namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'K' IPO Quoting Period Update (4.2.6) message (28 bytes, <see cref="ItchDescriptor.IpoQuotingPeriodUpdate"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchIpoQuotingPeriodUpdate
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchIpoQuotingPeriodUpdate(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'K' message of exactly 28 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchIpoQuotingPeriodUpdate view)
    {
        bool valid = message.Length == ItchDescriptor.IpoQuotingPeriodUpdate.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.IpoQuotingPeriodUpdate.Type;
        view = valid ? new ItchIpoQuotingPeriodUpdate(message) : default;
        return valid;
    }

    /// <summary>The message bytes, type byte included.</summary>
    public ReadOnlySpan<byte> Bytes => _message;

    /// <summary>Locate code of the security for the day (always 0 for this message).</summary>
    public ushort StockLocate => ItchFieldReader.UInt16(_message, ItchDescriptor.StockLocateOffset);

    /// <summary>Nasdaq internal tracking number.</summary>
    public ushort TrackingNumber => ItchFieldReader.UInt16(_message, ItchDescriptor.TrackingNumberOffset);

    /// <summary>Nanoseconds since midnight.</summary>
    public long Timestamp => ItchFieldReader.Timestamp(_message);

    /// <summary>Stock symbol, 8 ASCII characters right-padded with spaces.</summary>
    public ReadOnlySpan<byte> Stock => _message.Slice(ItchDescriptor.IpoQuotingPeriodUpdate.StockOffset, ItchDescriptor.StockLength);

    /// <summary>The stock symbol as a comparable value.</summary>
    public ItchSymbol Symbol => new(ItchFieldReader.UInt64(_message, ItchDescriptor.IpoQuotingPeriodUpdate.StockOffset));

    /// <summary>Seconds since midnight (0 when canceled/postponed).</summary>
    public uint IpoQuotationReleaseTime => ItchFieldReader.UInt32(_message, ItchDescriptor.IpoQuotingPeriodUpdate.IpoQuotationReleaseTimeOffset);

    /// <summary>A anticipated, C canceled/postponed.</summary>
    public char IpoQuotationReleaseQualifier => (char)ItchFieldReader.Byte(_message, ItchDescriptor.IpoQuotingPeriodUpdate.IpoQuotationReleaseQualifierOffset);

    /// <summary>Price(4) as fixed point with exponent −8.</summary>
    public long IpoPrice => ItchFieldReader.UInt32(_message, ItchDescriptor.IpoQuotingPeriodUpdate.IpoPriceOffset) * ItchDescriptor.Price4Scale;
}
