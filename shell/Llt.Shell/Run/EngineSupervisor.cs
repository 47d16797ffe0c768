using System.Diagnostics;
using System.Runtime.InteropServices;
using Llt.Shell.Configuration;
using Llt.Shell.Hosting;
using Llt.Shell.Logging;
using Llt.Shell.Sinks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Run;

/// <summary>
/// Starts llt-engine and keeps it running: its output goes to the log, "ready" is awaited (bounded), then the
/// startup limits (llt.json risk.limits, MAX_* variables) are sent. An unexpected exit is logged as a crash and
/// alerted, and the engine is restarted after an exponential backoff (LLT_RESTART_MIN_DELAY doubling to
/// LLT_RESTART_MAX_DELAY, reset once it has run for longer than the maximum); the restarted engine rebuilds its
/// positions from the journal itself, and the supervisor re-sends the limits, strategy and venue changes made in
/// this session, which the engine does not restore. On stop: SIGTERM, a bounded wait, then SIGKILL.
/// </summary>
public sealed partial class EngineSupervisor : BackgroundService
{
    public const string StartupSource = "shell:run";
    public const string RestartSourcePrefix = "restart:";
    private const int Sigterm = 15;
    private const int ExitConfigRefused = 2;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ControlTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StopSignalGrace = TimeSpan.FromMilliseconds(300);

    private readonly RunContext _context;
    private readonly AlertPublisher _alerts;
    private readonly RunOutcome _outcome;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _logger;
    private readonly ILogger _engineLogger;
    private EngineStatus _status = new(SupervisorState.Starting, 0, 0, 0, null, null);

    public EngineSupervisor(RunContext context, AlertPublisher alerts, RunOutcome outcome, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        _context = context;
        _alerts = alerts;
        _outcome = outcome;
        _lifetime = lifetime;
        _logger = loggers.CreateLogger("Llt.Shell.Run.EngineSupervisor");
        _engineLogger = loggers.CreateLogger("Llt.Engine");
    }

    public EngineStatus Status => Volatile.Read(ref _status);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using IDisposable? scope = _logger.BeginComponent("supervisor");
        var backoff = new RetryBackoff(_context.Settings.Supervisor.RestartMinDelay, _context.Settings.Supervisor.RestartMaxDelay);
        int starts = 0;
        int restarts = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            starts++;
            SetStatus(_status with { State = starts == 1 ? SupervisorState.Starting : SupervisorState.Restarting, Pid = 0, Starts = starts });
            RunLog.EngineStarting(_logger, _context.Launch.CommandLine);
            Process process;
            try
            {
                process = Process.Start(_context.Launch.ToStartInfo()) ?? throw new InvalidOperationException("Process.Start returned null");
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                RunLog.EngineStartFailed(_logger, e.Message);
                SetStatus(_status with { State = SupervisorState.Failed });
                _outcome.Fail(1);
                _lifetime.StopApplication();
                return;
            }

            using (process)
            {
                int? exitCode = await SuperviseAsync(process, starts, stoppingToken).ConfigureAwait(false);
                if (exitCode is null || stoppingToken.IsCancellationRequested)
                {
                    break;
                }

                DateTimeOffset since = _status.RunningSince ?? DateTimeOffset.UtcNow;
                TimeSpan uptime = DateTimeOffset.UtcNow - since;
                RunLog.EngineCrashed(_logger, process.Id, exitCode.Value, Durations.Format(uptime));
                if (exitCode == ExitConfigRefused)
                {
                    RunLog.EngineConfigRefused(_logger);
                    SetStatus(_status with { State = SupervisorState.Failed, Pid = 0, LastExitCode = exitCode });
                    _outcome.Fail(ExitConfigRefused);
                    _lifetime.StopApplication();
                    return;
                }

                if (uptime > _context.Settings.Supervisor.RestartMaxDelay)
                {
                    backoff.Reset();
                }

                restarts++;
                TimeSpan delay = backoff.Next();
                SetStatus(_status with { State = SupervisorState.Restarting, Pid = 0, Restarts = restarts, LastExitCode = exitCode, RunningSince = null });
                RunLog.EngineRestartScheduled(_logger, Durations.Format(delay), restarts);
                _alerts.Publish(new PlatformAlert("engine-restart", "critical",
                    $"engine '{_context.Engine.Name}' exited with code {exitCode} after {Durations.Format(uptime)}; restart #{restarts} in {Durations.Format(delay)}",
                    DateTimeOffset.UtcNow,
                    new Dictionary<string, string>
                    {
                        ["exitCode"] = exitCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["restart"] = restarts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    }));
                try
                {
                    await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        SetStatus(_status with { State = SupervisorState.Stopped, Pid = 0, RunningSince = null });
    }

    /// <summary>Runs one engine process to its end; the exit code when it ended by itself, null when the supervisor stopped it.</summary>
    private async Task<int?> SuperviseAsync(Process process, int start, CancellationToken stoppingToken)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            using (_engineLogger.BeginComponent("engine"))
            {
                RunLog.EngineOutput(_engineLogger, e.Data);
            }

            if (e.Data.Contains(" ready;", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                using (_engineLogger.BeginComponent("engine"))
                {
                    RunLog.EngineError(_engineLogger, e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Task exited = process.WaitForExitAsync(CancellationToken.None);

        Task first = await Task.WhenAny(ready.Task, exited, Task.Delay(ReadyTimeout, stoppingToken)).ConfigureAwait(false);
        if (stoppingToken.IsCancellationRequested)
        {
            await StopAsync(process, exited).ConfigureAwait(false);
            return null;
        }

        if (first == exited)
        {
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            return process.ExitCode;
        }

        if (first != ready.Task)
        {
            RunLog.EngineNotReady(_logger, process.Id, Durations.Format(ReadyTimeout));
            process.Kill(entireProcessTree: true);
            await exited.ConfigureAwait(false);
            return process.ExitCode;
        }

        SetStatus(_status with { State = SupervisorState.Running, Pid = process.Id, RunningSince = DateTimeOffset.UtcNow });
        RunLog.EngineReady(_logger, process.Id, start);
        try
        {
            await ApplyControlStateAsync(restart: start > 1, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await StopAsync(process, exited).ConfigureAwait(false);
            return null;
        }

        try
        {
            await exited.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await StopAsync(process, exited).ConfigureAwait(false);
            return null;
        }

        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false); // drains the output handlers
        // Ctrl-C on a terminal reaches the engine (same process group) as well as this host: an engine that
        // stopped because the platform is stopping did not crash
        try
        {
            await Task.Delay(StopSignalGrace, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            RunLog.EngineStopped(_logger, process.Id, process.ExitCode);
            return null;
        }

        return process.ExitCode;
    }

    private async Task StopAsync(Process process, Task exited)
    {
        SetStatus(_status with { State = SupervisorState.Stopping });
        if (!process.HasExited)
        {
            _ = SendSignal(process.Id, Sigterm);
            if (await Task.WhenAny(exited, Task.Delay(StopTimeout)).ConfigureAwait(false) != exited)
            {
                RunLog.EngineKilled(_logger, process.Id, Durations.Format(StopTimeout));
                process.Kill(entireProcessTree: true);
            }
        }

        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        RunLog.EngineStopped(_logger, process.Id, process.ExitCode);
        SetStatus(_status with { State = SupervisorState.Stopped, Pid = 0, LastExitCode = process.ExitCode, RunningSince = null });
    }

    /// <summary>
    /// Startup limits on every start; after a restart also the session's journaled limit, strategy and venue
    /// changes (latest per target), which the engine's recovery does not restore.
    /// </summary>
    private async Task ApplyControlStateAsync(bool restart, CancellationToken cancellationToken)
    {
        var client = new EngineControlClient(_context.Engine, StartupSource);
        foreach (LimitRequest limit in _context.Configuration.StartupLimits)
        {
            Report(limit.ToString(), await client.SetLimitAsync(limit, ControlTimeout, cancellationToken).ConfigureAwait(false));
        }

        if (!restart)
        {
            return;
        }

        using JournalProjection? journal = JournalProjection.Replay(_context.Engine, out string? error);
        if (journal is null)
        {
            RunLog.ControlFailed(_logger, "re-applying session control changes", error ?? "no journal");
            return;
        }

        long since = _context.SessionStartSequence;
        // the startup limits were just sent again; everything else changed in this session is re-sent in its
        // latest state, with the original sender kept in the audit trail
        var limits = journal.Limits.Where(l => l.Sequence > since && l.Source != StartupSource).ToList();
        var strategies = journal.Strategies.Where(s => s.Sequence > since).ToList();
        var venues = journal.Venues.Where(v => v.Sequence > since).ToList();
        RunLog.ControlReplay(_logger, limits.Count + strategies.Count + venues.Count);
        foreach (LimitRow row in limits)
        {
            var request = new LimitRequest(row.Kind, row.Scope, row.Target,
                row.Scope == Llt.Sbe.LimitScope.Instrument ? row.TargetId : 0,
                row.Scope == Llt.Sbe.LimitScope.Strategy ? row.TargetId : 0,
                row.RawValue, row.Value ?? 0);
            Report($"re-apply {request}", await ReapplyClient(row.Source).SetLimitAsync(request, ControlTimeout, cancellationToken).ConfigureAwait(false));
        }

        foreach (StrategyRow row in strategies)
        {
            Report($"re-apply strategy {row.Name} {(row.Enabled ? "enable" : "disable")}",
                await ReapplyClient(row.Source).SetStrategyEnabledAsync(row.StrategyId, row.Enabled, ControlTimeout, cancellationToken).ConfigureAwait(false));
        }

        foreach (VenueRow row in venues)
        {
            Report($"re-apply venue {row.Name} {(row.Up ? "up" : "down")}",
                await ReapplyClient(row.Source).SetVenueUpAsync(row.VenueId, row.Up, ControlTimeout, cancellationToken).ConfigureAwait(false));
        }

        // a kill switch latched before the crash stays latched: the engine starts released
        if (journal.KillSwitch is { Engaged: true } kill)
        {
            Report("re-engage the kill switch",
                await client.KillSwitchAsync(true, $"latched before the engine restart: {kill.Reason}", ControlTimeout, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>"restart:cli:ops@desk": the supervisor re-sends on behalf of the original sender.</summary>
    private EngineControlClient ReapplyClient(string originalSource) =>
        new(_context.Engine, originalSource.StartsWith(RestartSourcePrefix, StringComparison.Ordinal) ? originalSource : RestartSourcePrefix + originalSource);

    private void Report(string what, ControlOutcome outcome)
    {
        if (outcome.Applied)
        {
            RunLog.ControlApplied(_logger, what, outcome.ToString());
        }
        else
        {
            RunLog.ControlFailed(_logger, what, outcome.ToString());
        }
    }

    private void SetStatus(EngineStatus status) => Volatile.Write(ref _status, status);
}
