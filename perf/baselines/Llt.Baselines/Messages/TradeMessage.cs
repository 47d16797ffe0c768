namespace Llt.Baselines.Messages;

/// <summary>A trade print.</summary>
public sealed record TradeMessage(int InstrumentId, decimal Price, long Size, OrderSide Aggressor, long TradeId, long ExchangeTimeNs, long ReceivedTimestamp)
    : MarketMessage(InstrumentId, ExchangeTimeNs, ReceivedTimestamp);
