namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'L' Market Participant Position (4.2.4) message (26 bytes, <see cref="ItchDescriptor.MarketParticipantPosition"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchMarketParticipantPosition
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchMarketParticipantPosition(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'L' message of exactly 26 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchMarketParticipantPosition view)
    {
        bool valid = message.Length == ItchDescriptor.MarketParticipantPosition.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.MarketParticipantPosition.Type;
        view = valid ? new ItchMarketParticipantPosition(message) : default;
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

    /// <summary>Market participant identifier.</summary>
    public ReadOnlySpan<byte> Mpid => _message.Slice(ItchDescriptor.MarketParticipantPosition.MpidOffset, 4);

    /// <summary>Stock symbol, 8 ASCII characters right-padded with spaces.</summary>
    public ReadOnlySpan<byte> Stock => _message.Slice(ItchDescriptor.MarketParticipantPosition.StockOffset, ItchDescriptor.StockLength);

    /// <summary>The stock symbol as a comparable value.</summary>
    public ItchSymbol Symbol => new(ItchFieldReader.UInt64(_message, ItchDescriptor.MarketParticipantPosition.StockOffset));

    /// <summary>Y primary, N not.</summary>
    public char PrimaryMarketMaker => (char)ItchFieldReader.Byte(_message, ItchDescriptor.MarketParticipantPosition.PrimaryMarketMakerOffset);

    /// <summary>N normal, P passive, S syndicate, R pre-syndicate, L penalty.</summary>
    public char MarketMakerMode => (char)ItchFieldReader.Byte(_message, ItchDescriptor.MarketParticipantPosition.MarketMakerModeOffset);

    /// <summary>A active, E excused, W withdrawn, S suspended, D deleted.</summary>
    public char MarketParticipantState => (char)ItchFieldReader.Byte(_message, ItchDescriptor.MarketParticipantPosition.MarketParticipantStateOffset);
}
