namespace Llt.Shell.Alpaca;

/// <summary>A bar ("T": "b" minute, "d" daily, "u" updated): prices fixed-point 10^-8, timestamp epoch ns.</summary>
public readonly record struct AlpacaBar(string Kind, string Symbol, long Open, long High, long Low, long Close, long Volume, long TimestampNs);
