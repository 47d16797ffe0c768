using Llt.Hotpath.Config;
using Llt.Shell.Configuration;

namespace Llt.Shell.Sinks.Mongo;

/// <summary>Where the MongoDB tick store lives (MONGO_*) and the collection names `llt ticks` and other readers use.</summary>
public sealed record MongoStoreOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 27017;

    public string Database { get; init; } = "llt";

    /// <summary>The time-series collection of quotes and trades (time field <c>ts</c>, meta field <c>symbol</c>).</summary>
    public string TicksCollection { get; init; } = "ticks";

    /// <summary>One document per sink: <c>{ _id: sinkName, delivered: lastSequence }</c>.</summary>
    public string PositionsCollection { get; init; } = "sink_positions";

    /// <summary>Name in the delivered-position document, status and logs.</summary>
    public string SinkName { get; init; } = "mongo";

    public int TimeoutMilliseconds { get; init; } = 5000;

    /// <summary>Instruments by dense id (llt.json); InstrumentDefinition events in the journal add to them.</summary>
    public IReadOnlyList<InstrumentConfig> Instruments { get; init; } = [];

    public static MongoStoreOptions From(MongoSettings settings, EngineConfig? engine = null) => new()
    {
        Host = settings.Host,
        Port = settings.Port,
        Database = settings.Database,
        Instruments = engine?.Instruments ?? [],
    };

    public string Describe() => $"{Host}:{Port}/{Database}";

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("MongoDB sink needs MONGO_HOST");
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "MONGO_PORT must be 1..65535");
        }

        if (string.IsNullOrWhiteSpace(Database) || string.IsNullOrWhiteSpace(TicksCollection) || string.IsNullOrWhiteSpace(PositionsCollection))
        {
            throw new ArgumentException("MONGO_DB and the collection names must not be empty");
        }

        if (TimeoutMilliseconds < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeoutMilliseconds), TimeoutMilliseconds, "timeout must be at least 100 ms");
        }
    }
}
