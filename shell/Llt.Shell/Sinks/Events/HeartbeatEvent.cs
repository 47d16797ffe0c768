using Llt.Sbe;

namespace Llt.Shell.Sinks.Events;

/// <summary>The engine's Heartbeat: its state and how far it had journaled.</summary>
public sealed record HeartbeatEvent(long Sequence, long TimestampNs, EngineState State, long HeartbeatTs, long JournalSequence)
    : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => "Heartbeat";
}
