namespace Llt.Shell.Run;

/// <summary>The supervised engine as the supervisor last saw it; <see cref="Pid"/> 0 when no process runs.</summary>
public sealed record EngineStatus(SupervisorState State, int Pid, int Starts, int Restarts, int? LastExitCode, DateTimeOffset? RunningSince);
