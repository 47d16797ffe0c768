using System.Diagnostics;
using System.Globalization;
using System.Text;
using Llt.Shell.Configuration;

namespace Llt.Shell.Tests.Cli;

/// <summary>
/// A long-running <c>llt</c> (e.g. <c>llt run</c>) as a background process with a chosen working directory and
/// environment (the shell's own settings removed from the inherited one, as <see cref="CliProcess"/> does). Output
/// is collected as it arrives; every wait is bounded; Dispose kills the process tree if it still runs.
/// </summary>
internal sealed class ShellProcess : IDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output;

    private ShellProcess(Process process)
    {
        _process = process;
        _output = new ProcessOutput(process);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Stdout => _output.Stdout;

    public string Stderr => _output.Stderr;

    public static ShellProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (SettingDefinition definition in SettingCatalog.All)
        {
            start.Environment.Remove(definition.Key);
        }

        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }

        start.ArgumentList.Add(EngineProcess.ShellDll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new ShellProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start llt"));
    }

    /// <summary>Polls (bounded) until stdout contains <paramref name="text"/>; fails with the output if it never does.</summary>
    public void WaitForOutput(string text, TimeSpan? timeout = null)
    {
        bool seen = SpinWait.SpinUntil(() =>
        {
            if (Stdout.Contains(text, StringComparison.Ordinal) || _process.HasExited)
            {
                return true;
            }

            Thread.Sleep(50);
            return false;
        }, timeout ?? EngineProcess.Timeout) && Stdout.Contains(text, StringComparison.Ordinal);
        Assert.True(seen, $"llt never printed '{text}' (exited: {_process.HasExited})\n{this}");
    }

    /// <summary>Sends <paramref name="signal"/> (e.g. INT, as Ctrl-C does) to llt itself.</summary>
    public void Signal(string signal)
    {
        using Process kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        Assert.True(kill.WaitForExit(EngineProcess.Timeout), "kill did not return");
    }

    public int WaitForExit(TimeSpan? timeout = null)
    {
        Assert.True(_process.WaitForExit(timeout ?? EngineProcess.Timeout), $"llt did not exit in time\n{this}");
        _process.WaitForExit(); // flushes the asynchronous output handlers
        return _process.ExitCode;
    }

    public override string ToString() => $"stdout:\n{Stdout}\nstderr:\n{Stderr}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(EngineProcess.Timeout);
        }

        _process.Dispose();
    }
}
