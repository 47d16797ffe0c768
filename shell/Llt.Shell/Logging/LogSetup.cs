using Llt.Shell.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Llt.Shell.Logging;

/// <summary>
/// The shell's logging: LOG_LEVEL, LOG_FORMAT (text or json, both scrubbed of secrets, scopes on), console
/// output to stderr-free stdout unless the live view owns the terminal, and the recent-lines buffer the view shows.
/// </summary>
public static class LogSetup
{
    public static void Configure(ILoggingBuilder logging, LogSettings settings, SecretScrubber scrubber, bool console, RecentLogLines? recent)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(settings.Level);
        // framework chatter (hosting lifetime, http client) only when asked for debug
        logging.AddFilter("Microsoft", settings.Level <= LogLevel.Debug ? settings.Level : LogLevel.Warning);
        logging.AddFilter("System", settings.Level <= LogLevel.Debug ? settings.Level : LogLevel.Warning);
        logging.Services.AddSingleton(scrubber);
        if (console)
        {
            logging.AddConsole(options =>
            {
                options.FormatterName = settings.Json ? JsonLogFormatter.FormatterName : TextLogFormatter.FormatterName;
                options.LogToStandardErrorThreshold = LogLevel.None;
            });
            logging.AddConsoleFormatter<JsonLogFormatter, ConsoleFormatterOptions>(o => o.IncludeScopes = true);
            logging.AddConsoleFormatter<TextLogFormatter, ConsoleFormatterOptions>(o => o.IncludeScopes = true);
        }

        if (recent is not null)
        {
            logging.AddProvider(new RecentLogLinesProvider(recent, scrubber));
        }
    }
}
