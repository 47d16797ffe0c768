using System.Diagnostics;
using Llt.Shell.Configuration;

namespace Llt.Shell.Tests.Cli;

/// <summary>
/// Runs the <c>llt</c> CLI as an operator would, with a chosen working directory and environment. The shell's own
/// settings (POSTGRES_HOST, LOG_FORMAT, ...) are removed from the inherited environment so a developer's exports
/// or the test servers' never change what a test sees; a test sets the ones it needs. Every wait is bounded.
/// </summary>
internal static class CliProcess
{
    public static CliResult Run(string? workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Run(workingDirectory, environment, EngineProcess.Timeout, args);

    public static CliResult Run(string? workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (SettingDefinition definition in SettingCatalog.All)
        {
            start.Environment.Remove(definition.Key);
        }

        if (environment is not null)
        {
            foreach ((string key, string value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        start.ArgumentList.Add(EngineProcess.ShellDll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start llt");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"llt {string.Join(' ', args)} did not finish within {timeout.TotalSeconds}s");
        }

        process.WaitForExit(); // drains the redirected streams
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
