namespace Llt.Hotpath.Config;

/// <summary>
/// One market data feed the engine may take an instrument's ticks from (docs/FEEDS.md). The order of
/// <see cref="EngineConfig.Feeds"/> is the priority: each instrument takes its ticks from the first healthy
/// feed that carries it, fails over to the next when that one goes stale, gaps or goes down, and switches
/// back once the preferred feed has been healthy for <see cref="RecoverAfterNs"/>.
/// </summary>
public sealed record FeedLineConfig
{
    public required string Name { get; init; }

    /// <summary>The feedId its handler stamps on every SBE tick it publishes into md.ring (0..253).</summary>
    public int Id { get; init; }

    /// <summary>
    /// Silence longer than this (no tick and no FeedHealth heartbeat) makes the feed stale; with a
    /// <see cref="Session"/>, only silence while the session is open counts.
    /// </summary>
    public long StaleAfterNs { get; init; } = 2_000_000_000;

    /// <summary>How long a recovered feed must stay healthy before instruments switch back to it.</summary>
    public long RecoverAfterNs { get; init; } = 5_000_000_000;

    /// <summary>
    /// The hours its market is open; null = always (silence at any hour makes it stale). Gaps, Down and
    /// heartbeats apply at any hour either way.
    /// </summary>
    public TradingSession? Session { get; init; }

    /// <summary>Symbols this feed carries; empty = every configured instrument.</summary>
    public IReadOnlyList<string> Instruments { get; init; } = [];
}
