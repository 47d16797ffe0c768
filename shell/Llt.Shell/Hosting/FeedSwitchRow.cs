using Llt.Sbe;

namespace Llt.Shell.Hosting;

/// <summary>One failover decision of the engine: an instrument moved from one feed to another (255: none).</summary>
public sealed record FeedSwitchRow(long Sequence, int InstrumentId, int FromFeedId, int ToFeedId, FeedState FromState, long TsNs);
