using Llt.Shell.Sinks.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Llt.Integration.Tests.Postgres;

/// <summary>A schema of its own in the test server's database for one test; dropped at the end.</summary>
public sealed class PostgresTestSchema : IAsyncDisposable
{
    public PostgresTestSchema()
    {
        Schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        Options = new PostgresStoreOptions
        {
            Host = TestServers.PostgresHost,
            Port = TestServers.PostgresPort,
            Database = TestServers.PostgresDatabase,
            User = TestServers.PostgresUser,
            Password = TestServers.PostgresPassword,
            Schema = Schema,
            TimeoutSeconds = 3,
        };
    }

    public string Schema { get; }

    public PostgresStoreOptions Options { get; }

    public PostgresEventStore Store(PostgresStoreOptions? options = null) =>
        new(options ?? Options, NullLogger<PostgresEventStore>.Instance);

    public async Task<long> CountAsync(string table, string where = "true") =>
        (long)(await ScalarAsync($"SELECT count(*) FROM \"{Schema}\".{table} WHERE {where}"))!;

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Options.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ScalarAsync($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE");
        }
        catch (NpgsqlException)
        {
            // the server may be down after a failed outage test; the schema is unique, leaving it is harmless
        }
    }
}
