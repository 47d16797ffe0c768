namespace Llt.Hotpath.Runtime;

/// <summary>
/// A monotonic clock in nanoseconds from an arbitrary origin: for intervals, timeouts and latency stamps,
/// never for wall time (<see cref="IEpochClock"/>). Agents take one in their constructor so tests drive
/// them with a <see cref="ManualNanoClock"/>.
/// </summary>
/// <example>
/// <code>
/// long deadlineNs = clock.NanoTime() + heartbeatIntervalNs;
/// ...
/// if (clock.NanoTime() - deadlineNs >= 0) { SendHeartbeat(); }   // subtraction stays correct across wrap
/// </code>
/// </example>
public interface INanoClock
{
    long NanoTime();
}
