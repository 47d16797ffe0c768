namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Downstream of <see cref="DeepBookBuilder{TListener}"/>: what the engine turns into SBE Quote/Trade/BookUpdate
/// ticks and instrument status. Implement on a struct (the builder holds it by value, so calls are direct and
/// inlinable); a struct may hold a reference to a ring publisher.
/// </summary>
/// <example>
/// <code>
/// struct ToRing : IIexBookListener
/// {
///     public QuotePublisher Publisher;
///     public void OnQuote(in IexQuote quote) => Publisher.Publish(quote.BookIndex, quote.BidPrice, quote.BidSize, quote.AskPrice, quote.AskSize, quote.Timestamp, quote.ReceiveTimestampNs);
///     public void OnLevel(in IexLevelUpdate update) { }
///     public void OnTrade(in IexTrade trade) { … }
///     public void OnTradeBreak(in IexTrade trade) { }
///     public void OnSecurityStatus(in IexSecurityStatus status) { … }
/// }
/// </code>
/// </example>
public interface IIexBookListener
{
    /// <summary>A symbol's book is consistent and its best bid/offer differs from the last one published.</summary>
    void OnQuote(in IexQuote quote);

    /// <summary>A DEEP price level update was applied (in transition or completing an event).</summary>
    void OnLevel(in IexLevelUpdate update);

    void OnTrade(in IexTrade trade);

    void OnTradeBreak(in IexTrade trade);

    void OnSecurityStatus(in IexSecurityStatus status);
}
