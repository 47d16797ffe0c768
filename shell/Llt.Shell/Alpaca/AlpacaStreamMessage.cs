namespace Llt.Shell.Alpaca;

/// <summary>
/// The fields of one stream message as read from JSON or MessagePack (null = absent or not of the documented
/// type), before <see cref="AlpacaStreamParser.Dispatch"/> decides what it is.
/// </summary>
internal struct AlpacaStreamMessage
{
    public string? Type;
    public string? Msg;
    public int? Code;
    public string? Symbol;
    public long? TradeId;
    public string? Exchange;
    public string? Tape;
    public long? Price;
    public long? Size;
    public long? BidPrice;
    public long? BidSize;
    public long? AskPrice;
    public long? AskSize;
    public long? Open;
    public long? High;
    public long? Low;
    public long? Close;
    public long? Volume;
    public long? TimestampNs;
    public string[]? Trades;
    public string[]? Quotes;
    public string[]? Bars;

    /// <summary>Set when the message itself is unusable (a map key that is not a string); dispatched as malformed.</summary>
    public string? Problem;
}
