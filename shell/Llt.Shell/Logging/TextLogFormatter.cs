using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Llt.Shell.Logging;

/// <summary>
/// LOG_FORMAT=text: <c>2025-01-02T03:04:05.678Z warn  [supervisor] message {symbol=AAPL}</c>: one line per entry
/// (exceptions indented below), component from the scope, secrets scrubbed.
/// </summary>
public sealed class TextLogFormatter : ConsoleFormatter
{
    public const string FormatterName = "llt-text";

    private readonly SecretScrubber _scrubber;

    public TextLogFormatter(SecretScrubber scrubber)
        : base(FormatterName)
    {
        _scrubber = scrubber;
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        string message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is null && string.IsNullOrEmpty(message))
        {
            return;
        }

        string? component = null;
        var extra = new StringBuilder();
        scopeProvider?.ForEachScope((value, _) =>
        {
            if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (KeyValuePair<string, object?> pair in pairs)
                {
                    if (pair.Key == LogScopes.Component)
                    {
                        component = Convert.ToString(pair.Value, CultureInfo.InvariantCulture);
                    }
                    else if (pair.Key != "{OriginalFormat}")
                    {
                        extra.Append(extra.Length == 0 ? "" : " ").Append(pair.Key).Append('=').Append(Convert.ToString(pair.Value, CultureInfo.InvariantCulture));
                    }
                }
            }
        }, (object?)null);

        var line = new StringBuilder();
        line.Append(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(' ');
        line.Append(logEntry.LogLevel switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        });
        line.Append(" [").Append(component ?? ShortCategory(logEntry.Category)).Append("] ").Append(message);
        if (extra.Length > 0)
        {
            line.Append(" {").Append(extra).Append('}');
        }

        if (logEntry.Exception is not null)
        {
            line.Append('\n').Append("    ").Append(logEntry.Exception.ToString().Replace("\n", "\n    ", StringComparison.Ordinal));
        }

        textWriter.Write(_scrubber.Scrub(line.ToString()));
        textWriter.Write('\n');
    }

    private static string ShortCategory(string category)
    {
        int dot = category.LastIndexOf('.');
        return dot < 0 ? category : category[(dot + 1)..];
    }
}
