namespace Llt.Hotpath.Runtime;

/// <summary>
/// Wall-clock time as nanoseconds since the Unix epoch (UTC): for timestamps that leave the process
/// (journal events, venue messages). It can jump (NTP/PTP steps), so never measure intervals with it.
/// </summary>
public interface IEpochClock
{
    long EpochNanoTime();
}
