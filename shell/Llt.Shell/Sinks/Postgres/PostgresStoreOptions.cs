using System.Text.RegularExpressions;
using Llt.Hotpath.Config;
using Llt.Shell.Configuration;
using Npgsql;

namespace Llt.Shell.Sinks.Postgres;

/// <summary>Where and how the PostgreSQL sink writes: the server (POSTGRES_*), the schema, the catalogue to seed.</summary>
public sealed partial record PostgresStoreOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 5432;

    public required string Database { get; init; }

    public required string User { get; init; }

    /// <summary>From the environment or .env only; never logged (the connection string is never printed).</summary>
    public string Password { get; init; } = "";

    /// <summary>Schema holding the sink's tables (created when missing). Lower-case letters, digits, underscore.</summary>
    public string Schema { get; init; } = "llt";

    /// <summary>Name in sink_positions, status and logs.</summary>
    public string SinkName { get; init; } = "postgres";

    /// <summary>Seconds to wait for a connection (and for each command) before the attempt counts as failed.</summary>
    public int TimeoutSeconds { get; init; } = 5;

    /// <summary>Instruments by dense id (llt.json), written to the instruments table at open.</summary>
    public IReadOnlyList<InstrumentConfig> Instruments { get; init; } = [];

    /// <summary>Strategies by dense id (llt.json), written to the strategies table at open.</summary>
    public IReadOnlyList<StrategyConfig> Strategies { get; init; } = [];

    public static PostgresStoreOptions From(PostgresSettings settings, EngineConfig? engine = null) => new()
    {
        Host = settings.Host,
        Port = settings.Port,
        Database = settings.Database,
        User = settings.User,
        Password = settings.Password,
        Instruments = engine?.Instruments ?? [],
        Strategies = engine?.Strategies ?? [],
    };

    /// <summary>"host:port/database as user", for messages (no password).</summary>
    public string Describe() => $"{Host}:{Port}/{Database} as {User}";

    public string ConnectionString() => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Database = Database,
        Username = User,
        Password = Password,
        ApplicationName = "llt-sink-" + SinkName,
        Timeout = TimeoutSeconds,
        CommandTimeout = Math.Max(30, TimeoutSeconds),
        // One long-lived connection per sink; after a failure it is dropped, never handed back to a pool.
        Pooling = false,
        KeepAlive = 10,
        // Bulk batches: big socket buffers cut syscalls during COPY.
        WriteBufferSize = 64 * 1024,
        ReadBufferSize = 64 * 1024,
    }.ConnectionString;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host) || string.IsNullOrWhiteSpace(Database) || string.IsNullOrWhiteSpace(User))
        {
            throw new ArgumentException("PostgreSQL sink needs POSTGRES_HOST, POSTGRES_DB and POSTGRES_USER");
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "POSTGRES_PORT must be 1..65535");
        }

        _ = QuoteSchema(Schema);
    }

    /// <summary>The schema name as a quoted identifier; rejects names that would need escaping.</summary>
    public static string QuoteSchema(string schema)
    {
        if (!SchemaName().IsMatch(schema))
        {
            throw new ArgumentException($"PostgreSQL schema '{schema}' must be 1-63 of a-z, 0-9, _ (starting with a letter or _)", nameof(schema));
        }

        return "\"" + schema + "\"";
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
