using Microsoft.Extensions.Logging;

namespace Llt.Shell.Run;

/// <summary>
/// Every message `llt run` logs, source-generated ([LoggerMessage]: no boxing, no formatting unless the level is
/// on). Event ids group them: 1xx session, 2xx engine supervision, 3xx control commands, 4xx alerts, 5xx health.
/// </summary>
internal static partial class RunLog
{
    [LoggerMessage(100, LogLevel.Information, "platform starting: engine '{EngineName}', journal {JournalDirectory}, config {ConfigSource}, environment {EnvironmentName}")]
    public static partial void SessionStarting(ILogger logger, string engineName, string journalDirectory, string configSource, string environmentName);

    [LoggerMessage(101, LogLevel.Debug, "setting {Key} = {Value} ({Source})")]
    public static partial void Setting(ILogger logger, string key, string value, string source);

    [LoggerMessage(102, LogLevel.Information, "run duration {Duration} elapsed: stopping")]
    public static partial void DurationElapsed(ILogger logger, string duration);

    [LoggerMessage(103, LogLevel.Information, "platform stopped")]
    public static partial void SessionStopped(ILogger logger);

    [LoggerMessage(104, LogLevel.Information, "sinks on: {Sinks}")]
    public static partial void Sinks(ILogger logger, string sinks);

    [LoggerMessage(105, LogLevel.Information, "{Summary}")]
    public static partial void Summary(ILogger logger, string summary);

    [LoggerMessage(106, LogLevel.Information, "shell confined to CPUs {Cpus} ({Threads} threads; the engine inherits them, its pinned agents keep their own)")]
    public static partial void ShellConfined(ILogger logger, string cpus, int threads);

    [LoggerMessage(200, LogLevel.Information, "starting engine: {Command}")]
    public static partial void EngineStarting(ILogger logger, string command);

    [LoggerMessage(201, LogLevel.Information, "engine ready, pid {Pid} (start #{Start})")]
    public static partial void EngineReady(ILogger logger, int pid, int start);

    [LoggerMessage(202, LogLevel.Information, "{Line}")]
    public static partial void EngineOutput(ILogger logger, string line);

    [LoggerMessage(203, LogLevel.Warning, "{Line}")]
    public static partial void EngineError(ILogger logger, string line);

    [LoggerMessage(204, LogLevel.Error, "engine pid {Pid} exited unexpectedly with code {ExitCode} after {Uptime}")]
    public static partial void EngineCrashed(ILogger logger, int pid, int exitCode, string uptime);

    [LoggerMessage(205, LogLevel.Warning, "restarting the engine in {Delay} (restart #{Restart})")]
    public static partial void EngineRestartScheduled(ILogger logger, string delay, int restart);

    [LoggerMessage(206, LogLevel.Information, "engine pid {Pid} stopped with code {ExitCode}")]
    public static partial void EngineStopped(ILogger logger, int pid, int exitCode);

    [LoggerMessage(207, LogLevel.Critical, "engine refused its configuration (exit 2): not restarting")]
    public static partial void EngineConfigRefused(ILogger logger);

    [LoggerMessage(208, LogLevel.Error, "engine could not be started: {Reason}")]
    public static partial void EngineStartFailed(ILogger logger, string reason);

    [LoggerMessage(209, LogLevel.Warning, "engine pid {Pid} did not stop within {Timeout}: killing it")]
    public static partial void EngineKilled(ILogger logger, int pid, string timeout);

    [LoggerMessage(210, LogLevel.Error, "engine pid {Pid} did not report ready within {Timeout}: killing it")]
    public static partial void EngineNotReady(ILogger logger, int pid, string timeout);

    [LoggerMessage(300, LogLevel.Information, "{What}: {Outcome}")]
    public static partial void ControlApplied(ILogger logger, string what, string outcome);

    [LoggerMessage(301, LogLevel.Error, "{What}: {Outcome}")]
    public static partial void ControlFailed(ILogger logger, string what, string outcome);

    [LoggerMessage(302, LogLevel.Information, "re-applying {Count} control change(s) made since the session started")]
    public static partial void ControlReplay(ILogger logger, int count);

    [LoggerMessage(400, LogLevel.Warning, "ALERT {Kind}: {Text}")]
    public static partial void Alert(ILogger logger, string kind, string text);

    [LoggerMessage(401, LogLevel.Warning, "alert webhook {Url} failed: {Reason}")]
    public static partial void WebhookFailed(ILogger logger, string url, string reason);

    [LoggerMessage(500, LogLevel.Information, "health and metrics on http://{Host}:{Port}/health and /metrics")]
    public static partial void HealthListening(ILogger logger, string host, int port);

    [LoggerMessage(501, LogLevel.Error, "health endpoint could not listen on {Host}:{Port}: {Reason}")]
    public static partial void HealthListenFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(502, LogLevel.Warning, "health request failed: {Reason}")]
    public static partial void HealthRequestFailed(ILogger logger, string reason);

    [LoggerMessage(601, LogLevel.Debug, "order {ClOrdId} {Side} {Qty} {Symbol} rejected: {Reason}")]
    public static partial void OrderRejected(ILogger logger, long clOrdId, string side, long qty, string symbol, string reason);

    [LoggerMessage(600, LogLevel.Warning, "journal follower: {Reason}")]
    public static partial void FollowerProblem(ILogger logger, string reason);
}
