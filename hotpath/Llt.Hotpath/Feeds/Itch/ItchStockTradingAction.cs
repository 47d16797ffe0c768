namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'H' Stock Trading Action (4.2.2) message (25 bytes, <see cref="ItchDescriptor.StockTradingAction"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchStockTradingAction
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchStockTradingAction(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'H' message of exactly 25 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchStockTradingAction view)
    {
        bool valid = message.Length == ItchDescriptor.StockTradingAction.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.StockTradingAction.Type;
        view = valid ? new ItchStockTradingAction(message) : default;
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
    public ReadOnlySpan<byte> Stock => _message.Slice(ItchDescriptor.StockTradingAction.StockOffset, ItchDescriptor.StockLength);

    /// <summary>The stock symbol as a comparable value.</summary>
    public ItchSymbol Symbol => new(ItchFieldReader.UInt64(_message, ItchDescriptor.StockTradingAction.StockOffset));

    /// <summary>H halted, P paused, Q quotation only, T trading on Nasdaq.</summary>
    public char TradingState => (char)ItchFieldReader.Byte(_message, ItchDescriptor.StockTradingAction.TradingStateOffset);

    public char Reserved => (char)ItchFieldReader.Byte(_message, ItchDescriptor.StockTradingAction.ReservedOffset);

    /// <summary>Trading action reason code.</summary>
    public ReadOnlySpan<byte> Reason => _message.Slice(ItchDescriptor.StockTradingAction.ReasonOffset, 4);
}
