using Llt.Hotpath.Config;
using Llt.Shell.Configuration;

namespace Llt.Shell.Sinks.Redis;

/// <summary>Where and how the Redis sink writes (REDIS_*), and the key names other programs read.</summary>
public sealed record RedisStoreOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 6379;

    public int Database { get; init; }

    /// <summary>Prefix of every key and channel ("llt:" gives llt:quote:AAPL, llt:alerts, ...).</summary>
    public string KeyPrefix { get; init; } = "llt:";

    /// <summary>Name in the delivered-position key, status and logs.</summary>
    public string SinkName { get; init; } = "redis";

    /// <summary>Approximate cap of the alerts stream (XADD MAXLEN ~).</summary>
    public long AlertStreamMaxLength { get; init; } = 100_000;

    /// <summary>How long the engine heartbeat key lives after the heartbeat it carries (expired: the engine is silent).</summary>
    public TimeSpan HeartbeatTtl { get; init; } = TimeSpan.FromSeconds(5);

    public int TimeoutMilliseconds { get; init; } = 5000;

    /// <summary>Instruments by dense id (llt.json): keys use the symbol rather than the id.</summary>
    public IReadOnlyList<InstrumentConfig> Instruments { get; init; } = [];

    public static RedisStoreOptions From(RedisSettings settings, EngineConfig? engine = null) => new()
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
            throw new ArgumentException("Redis sink needs REDIS_HOST");
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "REDIS_PORT must be 1..65535");
        }

        if (Database < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Database), Database, "REDIS_DB must be >= 0");
        }

        if (AlertStreamMaxLength < 1 || HeartbeatTtl <= TimeSpan.Zero || TimeoutMilliseconds < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(AlertStreamMaxLength), "stream cap, heartbeat TTL and timeout must be positive");
        }
    }
}
