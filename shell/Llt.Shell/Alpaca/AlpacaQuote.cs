namespace Llt.Shell.Alpaca;

/// <summary>A quote ("T": "q"): prices fixed-point 10^-8, timestamp epoch ns.</summary>
public readonly record struct AlpacaQuote(string Symbol, long BidPrice, long BidSize, long AskPrice, long AskSize, long TimestampNs);
