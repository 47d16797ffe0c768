namespace Llt.Shell.Run;

/// <summary>What the supervisor is doing with the engine.</summary>
public enum SupervisorState
{
    Starting,
    Running,
    Restarting,
    Stopping,
    Stopped,
    Failed,
}
