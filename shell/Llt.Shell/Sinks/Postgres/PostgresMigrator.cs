using Npgsql;

namespace Llt.Shell.Sinks.Postgres;

/// <summary>
/// Brings a schema up to the newest <see cref="PostgresMigration"/>: in one transaction, under an advisory lock
/// (two shells starting together migrate once), applies the versions schema_migrations does not list yet.
/// </summary>
public static class PostgresMigrator
{
    /// <summary>Applies what is missing; returns the versions applied now (empty when up to date).</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(NpgsqlConnection connection, string schema,
        IReadOnlyList<PostgresMigration> migrations, CancellationToken cancellationToken)
    {
        string quoted = PostgresStoreOptions.QuoteSchema(schema);
        int known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var applied = new List<int>();
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('llt-migrations:' || @schema))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("schema", schema);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var create = new NpgsqlCommand(
            $"""
            CREATE SCHEMA IF NOT EXISTS {quoted};
            CREATE TABLE IF NOT EXISTS {quoted}.schema_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int current;
        await using (var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {quoted}.schema_migrations", connection, transaction))
        {
            current = (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (current > known)
        {
            throw new InvalidOperationException(
                $"PostgreSQL schema {schema} is at migration {current}, newer than this llt knows ({known}): upgrade llt or use another schema");
        }

        foreach (PostgresMigration migration in migrations)
        {
            if (migration.Version <= current)
            {
                continue;
            }

            await using (var step = new NpgsqlCommand(migration.Sql.Replace("{schema}", quoted, StringComparison.Ordinal), connection, transaction))
            {
                await step.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var record = new NpgsqlCommand($"INSERT INTO {quoted}.schema_migrations (version, name) VALUES (@version, @name)", connection, transaction))
            {
                record.Parameters.AddWithValue("version", migration.Version);
                record.Parameters.AddWithValue("name", migration.Name);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            applied.Add(migration.Version);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }
}
