using Llt.Sbe;

namespace Llt.Shell.Hosting;

/// <summary>
/// A line event a feed handler reported and the engine journaled: an unrecovered gap (<see cref="GapCount"/> messages
/// lost before <see cref="NextSequence"/>), a recovery, or the line down.
/// </summary>
public sealed record FeedHealthRow(long Sequence, int FeedId, FeedSignal Signal, long NextSequence, long GapCount, long ReceiveTsNs);
