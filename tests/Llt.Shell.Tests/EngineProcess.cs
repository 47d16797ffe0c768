using System.Diagnostics;
using System.Text;

namespace Llt.Shell.Tests;

/// <summary>
/// The real <c>llt-engine</c> (and the <c>llt</c> CLI) run as OS processes with <c>dotnet &lt;dll&gt;</c>.
/// Output is collected as it arrives; every wait is bounded (2 shared cores: nothing spins unbounded).
/// Dispose SIGKILLs an engine still running, so a failed test never leaves one behind.
/// </summary>
internal sealed class EngineProcess : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ProcessOutput _output;

    private EngineProcess(Process process)
    {
        _process = process;
        _output = new ProcessOutput(process);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Stdout => _output.Stdout;

    public string Stderr => _output.Stderr;

    /// <summary>
    /// llt-engine.dll in the engine's own output folder (&lt;artifacts&gt;/bin/Llt.Engine/&lt;config&gt;_linux-x64/),
    /// which the project reference builds first. The engine builds self-contained, so it runs only beside its
    /// own copy of the runtime.
    /// </summary>
    public static string EngineDll
    {
        get
        {
            // AppContext.BaseDirectory = <artifacts>/bin/Llt.Shell.Tests/<config>/
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            string configuration = testOutput.Name;
            var engineBin = new DirectoryInfo(Path.Combine(testOutput.Parent!.Parent!.FullName, "Llt.Engine"));
            FileInfo? engine = engineBin.Exists
                ? engineBin.EnumerateDirectories(configuration + "*")
                    .Select(d => new FileInfo(Path.Combine(d.FullName, "llt-engine.dll")))
                    .Where(f => f.Exists)
                    .OrderByDescending(f => f.LastWriteTimeUtc)
                    .FirstOrDefault()
                : null;
            Assert.True(engine is not null, $"llt-engine.dll not found under {engineBin.FullName}/{configuration}*: build tests/Llt.Shell.Tests (it builds the engine)");
            return engine!.FullName;
        }
    }

    /// <summary>llt.dll (the shell CLI), copied beside the test assembly by the project reference.</summary>
    public static string ShellDll => BesideTests("llt.dll");

    public static EngineProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(EngineDll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new EngineProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start llt-engine"));
    }

    /// <summary>Runs <c>llt ARGS</c> to completion (bounded) and returns what it printed.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunCli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ShellDll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start llt");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"llt {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds}s");
        }

        process.WaitForExit(); // drains the redirected streams
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Waits until stdout contains <paramref name="text"/>; fails with the output if it never does.</summary>
    public void WaitForOutput(string text)
    {
        SpinWait.SpinUntil(() =>
        {
            if (Stdout.Contains(text, StringComparison.Ordinal) || _process.HasExited)
            {
                return true;
            }

            Thread.Sleep(20);
            return false;
        }, Timeout);
        if (_process.HasExited)
        {
            _process.WaitForExit(); // flushes the asynchronous output handlers
        }

        bool seen = Stdout.Contains(text, StringComparison.Ordinal);
        Assert.True(seen, $"llt-engine never printed '{text}' (exited: {_process.HasExited})\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
    }

    /// <summary>Sends SIGTERM (Process.Kill would send SIGKILL) and waits for the exit.</summary>
    public int Terminate()
    {
        using (Process kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            Assert.True(kill.WaitForExit(Timeout), "kill -TERM did not return");
            Assert.Equal(0, kill.ExitCode);
        }

        return WaitForExit();
    }

    /// <summary>SIGKILL: the engine gets no chance to clean up, like a crash.</summary>
    public int Crash()
    {
        _process.Kill();
        return WaitForExit();
    }

    /// <summary>Waits up to <paramref name="timeout"/> (for runs longer than <see cref="Timeout"/>); false if still running.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return false;
        }

        _process.WaitForExit(); // flushes the asynchronous output handlers
        return true;
    }

    public int WaitForExit()
    {
        Assert.True(_process.WaitForExit(Timeout), $"llt-engine did not exit within {Timeout.TotalSeconds}s\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        _process.WaitForExit(); // flushes the asynchronous output handlers
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(Timeout);
        }

        _process.Dispose();
    }

    private static string BesideTests(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, fileName);
        Assert.True(File.Exists(path), $"{fileName} is not in the test output {AppContext.BaseDirectory}");
        return path;
    }
}
