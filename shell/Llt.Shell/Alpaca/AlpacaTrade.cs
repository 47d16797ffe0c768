namespace Llt.Shell.Alpaca;

/// <summary>A trade ("T": "t"): price fixed-point 10^-8, timestamp epoch ns.</summary>
public readonly record struct AlpacaTrade(string Symbol, long Price, long Size, long TradeId, long TimestampNs, string Exchange, string Tape);
