namespace Llt.Shell.Sinks.Events;

/// <summary>
/// One journal frame decoded for the sinks: every event carries the frame's journal sequence (the idempotency
/// key in every store) and its wall-clock timestamp (ns since the Unix epoch). Prices and money stay fixed-point
/// 10^-8 as on the wire; each store decides how to show them.
/// </summary>
public abstract record JournalEvent(long Sequence, long TimestampNs)
{
    /// <summary>The SBE message name (the journal frame's template), e.g. "ExecutionReport".</summary>
    public abstract string Kind { get; }
}
