namespace Llt.Shell.Hosting;

/// <summary>What the journal shows of one feed id: ticks journaled and when the last one was (epoch ns).</summary>
public sealed record FeedRow(int FeedId, long Quotes, long Trades, long LastTickNs);
