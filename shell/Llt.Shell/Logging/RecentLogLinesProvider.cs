using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Logging;

/// <summary>Feeds <see cref="RecentLogLines"/> with Information-and-above entries from the shell's own components.</summary>
public sealed class RecentLogLinesProvider : ILoggerProvider
{
    private readonly RecentLogLines _lines;
    private readonly SecretScrubber _scrubber;

    public RecentLogLinesProvider(RecentLogLines lines, SecretScrubber scrubber)
    {
        _lines = lines;
        _scrubber = scrubber;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecentLogLinesProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && category.StartsWith("Llt.", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            string time = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            string level = logLevel >= LogLevel.Error ? "ERROR" : logLevel == LogLevel.Warning ? "WARN" : "info";
            owner._lines.Add(owner._scrubber.Scrub($"{time} {level} {formatter(state, exception)}"));
        }
    }
}
