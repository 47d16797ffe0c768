using Llt.Hotpath.MarketData.Books;

namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// Downstream of <see cref="ItchBookBuilder{TListener}"/>: what a feed agent turns into ticks for the engine.
/// Implement on a struct (the builder holds it by value, so calls are direct and inlinable); a struct may hold a
/// reference to a ring publisher.
/// </summary>
/// <example>
/// <code>
/// struct ToRing : IItchBookListener
/// {
///     public QuotePublisher Publisher;
///     public void OnBookChanged(int instrument, L3Book book, long timestampNs, long receiveTimestampNs)
///     {
///         if (book.BestBidPrice != _lastBid[instrument] || book.BestAskPrice != _lastAsk[instrument]) Publisher.Quote(...);
///     }
///     public void OnExecution(in ItchExecution execution) => Publisher.Trade(...);
///     public void OnTradingAction(int instrument, char tradingState, long timestampNs) { }
///     public void OnSystemEvent(char eventCode, long timestampNs) { }
/// }
/// </code>
/// </example>
public interface IItchBookListener
{
    /// <summary>An add, execute, cancel, delete or replace was applied to the book of <paramref name="instrument"/>.</summary>
    /// <param name="timestampNs">The message's timestamp: nanoseconds since midnight, exchange time.</param>
    /// <param name="receiveTimestampNs">When its packet was received (engine clock; 0 when the input had none, e.g. a raw file).</param>
    void OnBookChanged(int instrument, L3Book book, long timestampNs, long receiveTimestampNs);

    /// <summary>A trade on a tracked instrument ('E', 'C', 'P', 'Q'); for 'E'/'C' the book change is told first.</summary>
    void OnExecution(in ItchExecution execution);

    /// <summary>'H' for a tracked instrument: H halted, P paused, Q quotation only, T trading.</summary>
    void OnTradingAction(int instrument, char tradingState, long timestampNs);

    /// <summary>'S': O start of messages, S start of system hours, Q start of market hours, M end of market hours, E end of system hours, C end of messages.</summary>
    void OnSystemEvent(char eventCode, long timestampNs);
}
