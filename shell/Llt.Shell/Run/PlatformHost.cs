using Llt.Hotpath.Journal;
using Llt.Shell.Configuration;
using Llt.Shell.Health;
using Llt.Shell.Logging;
using Llt.Shell.Sinks;
using Llt.Shell.Sinks.Kafka;
using Llt.Shell.Sinks.Mongo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Run;

/// <summary>
/// `llt run` as a .NET Generic Host: the engine supervisor, the journal sinks, the monitor behind the live view,
/// /health and /metrics, alerts and the run duration, each a hosted service; Ctrl-C / SIGTERM stop them all
/// (the engine with SIGTERM). Configuration is concluded before the host is built (<see cref="RunContext"/>).
/// </summary>
public static class PlatformHost
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Builds the host; throws <see cref="ArgumentException"/> naming the key when a sink's settings are unusable.</summary>
    public static IHost Build(RunContext context)
    {
        PlatformSettings settings = context.Settings;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = settings.EnvironmentName,
            Configuration = new Microsoft.Extensions.Configuration.ConfigurationManager(),
        });
        builder.Configuration.AddConfiguration(context.Configuration.ToConfiguration());

        var scrubber = new SecretScrubber(context.Configuration.Settings.SecretValues());
        RecentLogLines? recent = context.LiveView ? new RecentLogLines(8) : null;
        LogSetup.Configure(builder.Logging, settings.Log, scrubber, console: !context.LiveView, recent);

        IServiceCollection services = builder.Services;
        services.Configure<HostOptions>(o =>
        {
            o.ShutdownTimeout = ShutdownTimeout;
            // a failing sink or view must not take the engine down with it
            o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore;
        });
        services.Configure<Microsoft.Extensions.Hosting.ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        services.AddSingleton(context);
        services.AddSingleton(new RunOutcome());
        if (recent is not null)
        {
            services.AddSingleton(recent);
        }

        services.AddSingleton(sp => new AlertPublisher(settings.Alerts, context.Engine.Name, sp.GetRequiredService<ILogger<AlertPublisher>>()));
        services.AddHostedService(sp => sp.GetRequiredService<AlertPublisher>());
        // Hosted services stop in reverse order of registration: the engine stops first, then the view prints
        // the session's final numbers, then the sinks deliver the engine's last frames, then queued alerts go out.
        // Each sink is also an IJournalSinkStatusSource for health, metrics and the view.
        services.AddJournalSinks(context.Configuration);
        services.AddKafkaSink(context.Configuration);
        services.AddMongoSink(context.Configuration);
        if (settings.Alpaca.Enabled)
        {
            // market data in and, with an external ALPACA venue, orders out: bound to whichever engine is up
            services.AddSingleton(sp => new Alpaca.AlpacaService(context.Engine, settings.Alpaca, sp.GetRequiredService<ILoggerFactory>()));
            services.AddHostedService(sp => sp.GetRequiredService<Alpaca.AlpacaService>());
        }

        services.AddSingleton<EngineSupervisor>();
        services.AddSingleton<PlatformMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<PlatformMonitor>());
        services.AddHostedService<LiveView>();
        services.AddHostedService(sp => sp.GetRequiredService<EngineSupervisor>());
        services.AddHostedService<HealthServer>();
        services.AddHostedService<RunDuration>();
        return builder.Build();
    }

    /// <summary>The journal's last sequence now (0 when there is none): what this session finds already journaled.</summary>
    public static long LastJournalSequence(string directory)
    {
        if (!Directory.Exists(directory) || JournalDirectory.ListSegmentIndices(directory).Count == 0)
        {
            return 0;
        }

        long last = 0;
        using JournalTailer tailer = JournalTailer.OpenAtStart(directory);
        while (tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
        {
            last = frame.Sequence;
        }

        return last;
    }

    /// <summary>Logs what the session runs on: engine, journal, sources and every setting (redacted) at debug.</summary>
    public static void LogSession(IHost host, RunContext context)
    {
        ILogger logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Llt.Shell.Run.PlatformHost");
        using IDisposable? scope = logger.BeginComponent("run");
        RunLog.SessionStarting(logger, context.Engine.Name, Path.GetFullPath(context.Engine.Journal.Directory),
            context.Configuration.File?.Path ?? "(embedded defaults)", context.Settings.EnvironmentName);
        foreach ((string key, SettingValue value) in context.Configuration.Settings.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            RunLog.Setting(logger, key, SecretRedactor.Redact(key, value.Value), value.Source.ToString());
        }

        PlatformSettings s = context.Settings;
        var on = new List<string> { "journal" };
        if (s.Postgres.Enabled)
        {
            on.Add("postgres");
        }

        if (s.Redis.Enabled)
        {
            on.Add("redis");
        }

        if (s.Mongo.Enabled)
        {
            on.Add("mongo");
        }

        if (s.Kafka.Enabled)
        {
            on.Add("kafka");
        }

        RunLog.Sinks(logger, string.Join(", ", on));
    }
}
