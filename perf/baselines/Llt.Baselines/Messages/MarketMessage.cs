namespace Llt.Baselines.Messages;

/// <summary>A decoded market data message. Timestamps: exchange time in ns since the epoch; receive time in Stopwatch ticks.</summary>
public abstract record MarketMessage(int InstrumentId, long ExchangeTimeNs, long ReceivedTimestamp);
