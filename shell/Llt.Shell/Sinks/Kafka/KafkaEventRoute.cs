using Llt.Shell.Sinks.Events;

namespace Llt.Shell.Sinks.Kafka;

/// <summary>Which topic a journal event goes to (null: not published) and the instrument that keys it.</summary>
public static class KafkaEventRoute
{
    public static string? Topic(JournalEvent journalEvent, KafkaTopics topics, bool marketData) => journalEvent switch
    {
        OrderEvent => topics.Orders,
        ExecutionEvent => topics.Executions,
        RiskAlertEvent => topics.RiskAlerts,
        PositionEvent => topics.Positions,
        QuoteEvent or TradeEvent when marketData => topics.MarketData,
        _ => null,
    };

    /// <summary>The instrument the record is keyed by (its symbol), null for an alert not about one instrument.</summary>
    public static int? InstrumentId(JournalEvent journalEvent) => journalEvent switch
    {
        OrderEvent order => order.InstrumentId,
        ExecutionEvent execution => execution.InstrumentId,
        RiskAlertEvent alert => alert.InstrumentId,
        PositionEvent position => position.InstrumentId,
        QuoteEvent quote => quote.InstrumentId,
        TradeEvent trade => trade.InstrumentId,
        _ => null,
    };
}
