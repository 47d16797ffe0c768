using Llt.Hotpath.Feeds.Iex;

namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>An <see cref="IIexBookListener"/> that keeps everything it is told, in order.</summary>
internal struct RecordingBookListener : IIexBookListener
{
    public RecordingBookListener()
    {
    }

    public List<IexQuote> Quotes { get; } = [];

    public List<IexLevelUpdate> Levels { get; } = [];

    public List<IexTrade> Trades { get; } = [];

    public List<IexTrade> TradeBreaks { get; } = [];

    public List<IexSecurityStatus> Statuses { get; } = [];

    public readonly void OnQuote(in IexQuote quote) => Quotes.Add(quote);

    public readonly void OnLevel(in IexLevelUpdate update) => Levels.Add(update);

    public readonly void OnTrade(in IexTrade trade) => Trades.Add(trade);

    public readonly void OnTradeBreak(in IexTrade trade) => TradeBreaks.Add(trade);

    public readonly void OnSecurityStatus(in IexSecurityStatus status) => Statuses.Add(status);
}
