namespace Llt.Shell.Run;

/// <summary>The exit code `llt run` returns: 0 unless a service decided the run failed (engine config refused, engine never found).</summary>
public sealed class RunOutcome
{
    private int _exitCode;

    public int ExitCode => Volatile.Read(ref _exitCode);

    public void Fail(int exitCode) => Interlocked.CompareExchange(ref _exitCode, exitCode, 0);
}
