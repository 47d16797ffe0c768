using System.CommandLine;
using Llt.Hotpath.Runtime;
using Llt.Shell.Configuration;
using Llt.Shell.Hosting;
using Llt.Shell.Run;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Commands;

/// <summary>
/// `llt run`: the whole platform from one command: supervise llt-engine, run the sinks the configuration enables,
/// serve /health and /metrics, raise alerts, and show a live view; `--duration` bounds it, Ctrl-C stops it.
/// Exit 0 after a clean stop, 2 for a bad configuration, 1 when the engine cannot be run.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "llt.json (default: ./llt.json if present, else embedded defaults)" };
        var envFile = new Option<string>("--env-file") { Description = "The .env file (default: ./.env if present)" };
        var duration = new Option<string>("--duration") { Description = "Run for this long (e.g. 20s, 5m), then stop; default: until Ctrl-C" };
        var plain = new Option<bool>("--plain") { Description = "Periodic plain summary lines instead of the live view (the default when stdout is not a terminal)" };
        var interval = new Option<string>("--interval") { Description = "Plain summary line interval", DefaultValueFactory = _ => "5s" };
        var run = new Command("run", "Run the platform: supervise the engine, run the sinks, serve /health and /metrics, show a live view")
        {
            config, envFile, duration, plain, interval,
        };
        run.SetAction(async (parseResult, cancellationToken) =>
        {
            TimeSpan? runFor = null;
            if (parseResult.GetValue(duration) is string durationText)
            {
                if (!DurationText.TryParseNanos(durationText, out long ns, out string? error) || ns <= 0)
                {
                    Console.Error.WriteLine($"llt run: --duration: {error ?? "must be positive"}");
                    return ExitCodes.BadUsage;
                }

                runFor = TimeSpan.FromTicks(ns / 100);
            }

            if (!DurationText.TryParseNanos(parseResult.GetValue(interval)!, out long intervalNs, out string? intervalError) || intervalNs <= 0)
            {
                Console.Error.WriteLine($"llt run: --interval: {intervalError ?? "must be positive"}");
                return ExitCodes.BadUsage;
            }

            PlatformConfiguration loaded = PlatformConfigurationLoader.Load(parseResult.GetValue(config), parseResult.GetValue(envFile), LayeredSettings.ProcessEnvironment());
            if (!loaded.IsValid)
            {
                foreach (SettingProblem problem in loaded.Problems)
                {
                    Console.Error.WriteLine($"llt run: {problem}");
                }

                return ExitCodes.BadUsage;
            }

            if (EngineLiveness.IsRunning(loaded.Engine, out _))
            {
                Console.Error.WriteLine($"llt run: engine '{loaded.Engine.Name}' is already running; stop it first or give this platform another engine.name");
                return ExitCodes.Failed;
            }

            string? engineConfig = EngineConfigFile(loaded.File!, out bool temporaryConfig);
            try
            {
                EngineLaunch? launch = EngineLaunch.Resolve(loaded.Platform.Supervisor.EnginePath, engineConfig is null ? [] : ["--config", engineConfig], out string? launchError);
                if (launch is null)
                {
                    Console.Error.WriteLine($"llt run: {launchError}");
                    return ExitCodes.BadUsage;
                }

                // Before the host makes its threads (they inherit the mask), and before the engine is started (it
                // inherits it too; its pinned agents move to their own CPUs): docs/DEPLOYMENT_GUIDE.md, CPU layout.
                CpuSet shellCpus = loaded.Platform.ShellCpus;
                int confinedThreads = 0;
                if (!shellCpus.IsEmpty)
                {
                    try
                    {
                        confinedThreads = ShellCpuConfinement.Apply(shellCpus);
                    }
                    catch (InvalidOperationException e)
                    {
                        Console.Error.WriteLine($"llt run: {SettingCatalog.ShellCpus}: {e.Message}");
                        return ExitCodes.BadUsage;
                    }
                }

                bool liveView = !parseResult.GetValue(plain) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;
                var context = new RunContext(loaded, loaded.Engine, launch, PlatformHost.LastJournalSequence(loaded.Engine.Journal.Directory),
                    runFor, liveView, TimeSpan.FromTicks(intervalNs / 100));
                IHost built;
                try
                {
                    built = PlatformHost.Build(context);
                }
                catch (ArgumentException e)
                {
                    Console.Error.WriteLine($"llt run: {e.Message}");
                    return ExitCodes.BadUsage;
                }

                using IHost host = built;
                var outcome = (RunOutcome)host.Services.GetService(typeof(RunOutcome))!;
                PlatformHost.LogSession(host, context);
                if (!shellCpus.IsEmpty)
                {
                    RunLog.ShellConfined(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Llt.Shell.Run.PlatformHost"),
                        shellCpus.ToString(), confinedThreads);
                }

                await host.RunAsync(cancellationToken).ConfigureAwait(false);
                return outcome.ExitCode;
            }
            finally
            {
                if (temporaryConfig && engineConfig is not null)
                {
                    File.Delete(engineConfig);
                }
            }
        });
        return run;
    }

    /// <summary>
    /// The file the engine is given: none for the embedded defaults, llt.json itself when it has only the engine's
    /// sections, else a private copy without the shell's sections (the engine's loader refuses unknown sections).
    /// </summary>
    internal static string? EngineConfigFile(PlatformConfigFile file, out bool temporary)
    {
        temporary = false;
        if (file.Path is null)
        {
            return null;
        }

        if (file.EngineJson is null)
        {
            return Path.GetFullPath(file.Path);
        }

        string path = Path.Combine(Path.GetTempPath(), $"llt-run-{file.Engine.Name}-{Environment.ProcessId}.json");
        File.WriteAllText(path, file.EngineJson);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        temporary = true;
        return path;
    }
}
