namespace Llt.Shell.Configuration;

/// <summary>How <c>llt run</c> finds and restarts the engine (LLT_ENGINE, LLT_RESTART_*).</summary>
public sealed record SupervisorSettings(string EnginePath, TimeSpan RestartMinDelay, TimeSpan RestartMaxDelay);
