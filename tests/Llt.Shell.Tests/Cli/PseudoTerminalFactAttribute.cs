namespace Llt.Shell.Tests.Cli;

/// <summary>A fact that needs util-linux <c>script</c> to give a process a pseudo-terminal; skipped where it is missing.</summary>
public sealed class PseudoTerminalFactAttribute : FactAttribute
{
    public const string Script = "/usr/bin/script";

    public PseudoTerminalFactAttribute()
    {
        if (!File.Exists(Script))
        {
            Skip = $"{Script} (util-linux) is not installed: no pseudo-terminal for the live view";
        }
    }
}
