using System.Globalization;
using Llt.Shell.Configuration;
using Llt.Shell.Logging;
using Llt.Shell.Sinks.Postgres;
using Llt.Shell.Sinks.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Sinks;

/// <summary>
/// Registers journal sinks in the host. Each sink is a hosted service (its own <see cref="JournalSink"/> over its
/// own store, closed by the sink when it stops) and an <see cref="IJournalSinkStatusSource"/> for health, metrics
/// and the live view; the sink is also a keyed singleton (key = sink name).
/// </summary>
public static class JournalSinkRegistration
{
    /// <summary>
    /// Adds the sinks whose server is configured: PostgreSQL when POSTGRES_HOST is set, Redis when REDIS_HOST is
    /// set. Optional llt.json keys: <c>sinks:batchSize</c>, <c>sinks:batchDelayMs</c>, <c>sinks:postgres:schema</c>,
    /// <c>sinks:redis:keyPrefix</c>. Throws <see cref="ArgumentException"/> naming a bad key.
    /// </summary>
    public static IServiceCollection AddJournalSinks(this IServiceCollection services, PlatformConfiguration configuration)
    {
        PlatformSettings platform = configuration.Platform;
        JournalSinkOptions options = SinkOptions(configuration);
        IReadOnlyDictionary<string, string?> values = configuration.File?.SinkValues ?? new Dictionary<string, string?>();
        if (platform.Postgres.Enabled)
        {
            PostgresStoreOptions postgres = PostgresStoreOptions.From(platform.Postgres, configuration.Engine);
            if (values.TryGetValue("sinks:postgres:schema", out string? schema) && !string.IsNullOrEmpty(schema))
            {
                postgres = postgres with { Schema = schema };
            }

            Check(postgres.Validate, "sinks:postgres:schema / POSTGRES_*");
            services.AddJournalSink(postgres.SinkName, sp => new PostgresEventStore(postgres, sp.GetRequiredService<ILogger<PostgresEventStore>>()), options);
        }

        if (platform.Redis.Enabled)
        {
            RedisStoreOptions redis = RedisStoreOptions.From(platform.Redis, configuration.Engine);
            if (values.TryGetValue("sinks:redis:keyPrefix", out string? prefix) && prefix is not null)
            {
                redis = redis with { KeyPrefix = prefix };
            }

            Check(redis.Validate, "REDIS_*");
            services.AddJournalSink(redis.SinkName, sp => new RedisEventStore(redis, sp.GetRequiredService<ILogger<RedisEventStore>>()), options);
        }

        return services;
    }

    /// <summary>Adds one sink over the store <paramref name="createStore"/> makes (for stores registered elsewhere, e.g. Kafka, MongoDB).</summary>
    public static IServiceCollection AddJournalSink(this IServiceCollection services, string name,
        Func<IServiceProvider, IJournalEventStore> createStore, JournalSinkOptions options)
    {
        options.Validate();
        // The store is not a container service: the sink closes it when it stops (a store only has async
        // disposal, which a synchronously disposed container would refuse).
        services.AddKeyedSingleton<JournalSink>(name, (sp, _) =>
        {
            SecretScrubber? scrubber = sp.GetService<SecretScrubber>();
            return new JournalSink(createStore(sp), options,
                sp.GetRequiredService<ILogger<JournalSink>>(), sp.GetService<TimeProvider>(), scrubber is null ? null : scrubber.Scrub);
        });
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredKeyedService<JournalSink>(name));
        services.AddSingleton<IJournalSinkStatusSource>(sp => sp.GetRequiredKeyedService<JournalSink>(name));
        return services;
    }

    /// <summary>The sink loop's settings: the engine's journal directory and the optional <c>sinks:</c> keys of llt.json.</summary>
    public static JournalSinkOptions SinkOptions(PlatformConfiguration configuration)
    {
        IReadOnlyDictionary<string, string?> values = configuration.File?.SinkValues ?? new Dictionary<string, string?>();
        string? archive = configuration.Engine.Journal.ArchiveDirectory;
        var options = new JournalSinkOptions
        {
            JournalDirectory = Path.GetFullPath(configuration.Engine.Journal.Directory),
            ArchiveDirectory = archive is null ? null : Path.GetFullPath(archive),
        };
        if (values.TryGetValue("sinks:batchSize", out string? batchSize) && batchSize is not null)
        {
            options = options with { BatchSize = Integer("sinks:batchSize", batchSize) };
        }

        if (values.TryGetValue("sinks:batchDelayMs", out string? delay) && delay is not null)
        {
            options = options with { BatchDelay = TimeSpan.FromMilliseconds(Integer("sinks:batchDelayMs", delay)) };
        }

        Check(options.Validate, "sinks:batchSize / sinks:batchDelayMs");
        return options;
    }

    private static int Integer(string key, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"{key}: '{text}' is not an integer", key);

    private static void Check(Action validate, string keys)
    {
        try
        {
            validate();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{keys}: {ex.Message}", keys, ex);
        }
    }
}
