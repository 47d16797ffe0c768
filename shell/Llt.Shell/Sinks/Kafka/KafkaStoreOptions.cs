using Llt.Hotpath.Config;
using Llt.Shell.Configuration;

namespace Llt.Shell.Sinks.Kafka;

/// <summary>The Kafka sink's settings: KAFKA_BOOTSTRAP_SERVERS and the optional llt.json <c>sinks:kafka:*</c> keys.</summary>
public sealed record KafkaStoreOptions
{
    public required string BootstrapServers { get; init; }

    /// <summary>Name in status, logs, the transactional id and the sink-positions key.</summary>
    public string SinkName { get; init; } = "kafka";

    /// <summary>Topic name prefix (<c>sinks:kafka:topicPrefix</c>).</summary>
    public string TopicPrefix { get; init; } = "llt.";

    /// <summary>Record value format (<c>sinks:kafka:format</c> sbe|json).</summary>
    public KafkaValueFormat Format { get; init; } = KafkaValueFormat.Sbe;

    /// <summary>Also publish quotes and trades to the market-data topic (<c>sinks:kafka:marketData</c>).</summary>
    public bool MarketData { get; init; }

    /// <summary>The journal the sink tails: the SBE format reads the frames' bytes from it.</summary>
    public string? JournalDirectory { get; init; }

    /// <summary>Producer transactional id; one per sink (a second writer with the same id fences the first).</summary>
    public string? TransactionalId { get; init; }

    public int LingerMs { get; init; } = 5;

    public int BatchNumMessages { get; init; } = 10_000;

    /// <summary>How long InitTransactions / CommitTransaction / position reads may take before the batch counts as failed.</summary>
    public int TimeoutMilliseconds { get; init; } = 10_000;

    public IReadOnlyList<InstrumentConfig> Instruments { get; init; } = [];

    public KafkaTopics Topics => new(TopicPrefix);

    public string EffectiveTransactionalId => TransactionalId ?? "llt-sink-" + SinkName;

    public static KafkaStoreOptions From(KafkaSettings settings, EngineConfig? engine = null) => new()
    {
        BootstrapServers = settings.BootstrapServers,
        Instruments = engine?.Instruments ?? [],
        JournalDirectory = engine is null ? null : Path.GetFullPath(engine.Journal.Directory),
    };

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            throw new ArgumentException("Kafka sink needs KAFKA_BOOTSTRAP_SERVERS");
        }

        if (string.IsNullOrWhiteSpace(SinkName) || TopicPrefix is null)
        {
            throw new ArgumentException("Kafka sink name must not be empty");
        }

        if (Format == KafkaValueFormat.Sbe && string.IsNullOrEmpty(JournalDirectory))
        {
            throw new ArgumentException("the sbe format needs the journal directory (the frames are published as journaled)");
        }

        if (LingerMs < 0 || BatchNumMessages < 1 || TimeoutMilliseconds < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(LingerMs), "linger >= 0, batch >= 1 and timeout >= 100 ms");
        }
    }
}
