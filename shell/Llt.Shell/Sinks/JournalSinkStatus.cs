namespace Llt.Shell.Sinks;

/// <summary>
/// What one journal sink reports about itself: whether its store answers, how far it has delivered and how far
/// it trails the journal. Read by health (/health), metrics (/metrics) and the live view; written by the sink.
/// </summary>
/// <param name="Name">Sink name as configured ("postgres", "mongo", "redis", "kafka").</param>
/// <param name="Connected">The store acknowledged the last attempt.</param>
/// <param name="DeliveredSequence">Journal sequence of the last event the store acknowledged (-1 before the first).</param>
/// <param name="LagEvents">Journal events written but not yet acknowledged by the store.</param>
/// <param name="LagSeconds">Age of the oldest unacknowledged event, in seconds (0 when caught up).</param>
/// <param name="DeliveredEvents">Events delivered since the sink started.</param>
/// <param name="Errors">Failed store attempts since the sink started.</param>
/// <param name="LastError">The last failure's message (never containing a secret), or null.</param>
public readonly record struct JournalSinkStatus(
    string Name,
    bool Connected,
    long DeliveredSequence,
    long LagEvents,
    double LagSeconds,
    long DeliveredEvents,
    long Errors,
    string? LastError);

/// <summary>A sink registered in the host exposes its status through this; health and metrics enumerate them.</summary>
public interface IJournalSinkStatusSource
{
    JournalSinkStatus Status { get; }
}
