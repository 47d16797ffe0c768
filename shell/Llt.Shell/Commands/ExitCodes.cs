namespace Llt.Shell.Commands;

/// <summary>The CLI's exit codes (README "Operating the engine"); every command uses these.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command failed or the engine refused it.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments or configuration.</summary>
    public const int BadUsage = 2;

    /// <summary>No engine running under that name.</summary>
    public const int NoEngine = 3;

    /// <summary>Sent, but the engine did not confirm in time.</summary>
    public const int Timeout = 4;
}
