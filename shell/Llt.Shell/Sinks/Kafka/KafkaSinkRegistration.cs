using Llt.Shell.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Sinks.Kafka;

/// <summary>Adds the Kafka sink to the host when KAFKA_BOOTSTRAP_SERVERS is set.</summary>
public static class KafkaSinkRegistration
{
    public const int DefaultBatchSize = 16_384;

    /// <summary>
    /// Optional llt.json keys: <c>sinks:kafka:format</c> (sbe|json, default sbe), <c>sinks:kafka:topicPrefix</c>
    /// (default <c>llt.</c>), <c>sinks:kafka:marketData</c> (true|false, default false: quotes and trades stay out),
    /// <c>sinks:kafka:batchSize</c> (events per transaction, default 16384).
    /// Throws <see cref="ArgumentException"/> naming a bad key.
    /// </summary>
    public static IServiceCollection AddKafkaSink(this IServiceCollection services, PlatformConfiguration configuration)
    {
        if (!configuration.Platform.Kafka.Enabled)
        {
            return services;
        }

        KafkaStoreOptions options = Options(configuration);
        services.AddJournalSink(options.SinkName, sp => new KafkaEventStore(options, sp.GetRequiredService<ILogger<KafkaEventStore>>()),
            SinkOptions(configuration));
        return services;
    }

    /// <summary>
    /// The shared sink settings with the Kafka sink's own batch size (<c>sinks:kafka:batchSize</c>, default
    /// <see cref="DefaultBatchSize"/>): one batch is one transaction, whose commit round-trip bounds the rate at
    /// small batches (perf/results/sinks.md); a quiet engine still gets small batches after the batch delay.
    /// </summary>
    public static JournalSinkOptions SinkOptions(PlatformConfiguration configuration)
    {
        IReadOnlyDictionary<string, string?> values = configuration.File?.SinkValues ?? new Dictionary<string, string?>();
        int batchSize = DefaultBatchSize;
        if (values.TryGetValue("sinks:kafka:batchSize", out string? text) && text is not null
            && !int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out batchSize))
        {
            throw new ArgumentException($"sinks:kafka:batchSize: '{text}' is not an integer", "sinks:kafka:batchSize");
        }

        JournalSinkOptions options = JournalSinkRegistration.SinkOptions(configuration) with { BatchSize = batchSize };
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"sinks:kafka:batchSize: {ex.Message}", "sinks:kafka:batchSize", ex);
        }

        return options;
    }

    public static KafkaStoreOptions Options(PlatformConfiguration configuration)
    {
        IReadOnlyDictionary<string, string?> values = configuration.File?.SinkValues ?? new Dictionary<string, string?>();
        KafkaStoreOptions options = KafkaStoreOptions.From(configuration.Platform.Kafka, configuration.Engine);
        if (values.TryGetValue("sinks:kafka:format", out string? format) && format is not null)
        {
            options = options with
            {
                Format = format.ToLowerInvariant() switch
                {
                    "sbe" => KafkaValueFormat.Sbe,
                    "json" => KafkaValueFormat.Json,
                    _ => throw new ArgumentException($"sinks:kafka:format: '{format}' is not sbe or json", "sinks:kafka:format"),
                },
            };
        }

        if (values.TryGetValue("sinks:kafka:topicPrefix", out string? prefix) && prefix is not null)
        {
            options = options with { TopicPrefix = prefix };
        }

        if (values.TryGetValue("sinks:kafka:marketData", out string? marketData) && marketData is not null)
        {
            options = options with
            {
                MarketData = bool.TryParse(marketData, out bool on)
                    ? on
                    : throw new ArgumentException($"sinks:kafka:marketData: '{marketData}' is not true or false", "sinks:kafka:marketData"),
            };
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"KAFKA_BOOTSTRAP_SERVERS / sinks:kafka:*: {ex.Message}", "sinks:kafka", ex);
        }

        return options;
    }
}
