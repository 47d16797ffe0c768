using Llt.Sbe;

namespace Llt.Shell.Hosting;

/// <summary>The engine's latest journaled Heartbeat: state, wall-clock ns, and the journal sequence it closed.</summary>
public sealed record HeartbeatRow(EngineState State, long TsNs, long JournalSequence);
