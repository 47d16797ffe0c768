using System.Text;
using System.Text.Json;
using Llt.Hotpath.Config;
using Npgsql;
using NpgsqlTypes;

namespace Llt.Shell.Sinks.Postgres;

/// <summary>
/// Writes llt.json's instruments and strategies (dense ids = their index) into the catalogue tables at open, so
/// rows elsewhere can be joined to symbols and strategy names. A row a journaled event already set (journal_seq
/// &gt; 0) keeps that event's values; configuration only fills in or refreshes what the journal never said.
/// </summary>
internal static class PostgresCatalogSeed
{
    public static async Task ApplyAsync(NpgsqlConnection connection, string schema, IReadOnlyList<InstrumentConfig> instruments,
        IReadOnlyList<StrategyConfig> strategies, CancellationToken cancellationToken)
    {
        if (instruments.Count == 0 && strategies.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection);
        if (instruments.Count > 0)
        {
            var command = new NpgsqlBatchCommand($"""
                INSERT INTO {schema}.instruments (instrument_id, symbol, exchange, tick_size, lot_size, max_position, margin_requirement, journal_seq)
                SELECT id, symbol, exchange, tick, lot, max_position, margin, 0
                FROM unnest(@ids, @symbols, @exchanges, @ticks, @lots, @max_positions, @margins)
                     AS c(id, symbol, exchange, tick, lot, max_position, margin)
                ON CONFLICT (instrument_id) DO UPDATE SET
                    symbol = excluded.symbol, exchange = excluded.exchange, tick_size = excluded.tick_size,
                    lot_size = excluded.lot_size, max_position = excluded.max_position,
                    margin_requirement = excluded.margin_requirement, updated_at = now()
                WHERE instruments.journal_seq = 0
                """);
            command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = Enumerable.Range(0, instruments.Count).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("symbols", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = instruments.Select(i => i.Symbol).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("exchanges", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = instruments.Select(i => i.Exchange).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("ticks", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = instruments.Select(i => PostgresValues.Fixed(i.TickSize)).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("lots", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = instruments.Select(i => i.LotSize).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("max_positions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = instruments.Select(i => i.MaxPosition).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("margins", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = instruments.Select(i => PostgresValues.Fixed(i.MarginRequirement)).ToArray() });
            batch.BatchCommands.Add(command);
        }

        if (strategies.Count > 0)
        {
            var command = new NpgsqlBatchCommand($"""
                INSERT INTO {schema}.strategies (strategy_id, name, type, enabled, instruments, max_position, parameters, journal_seq)
                SELECT id, name, type, enabled, string_to_array(instruments, ','), max_position, parameters::jsonb, 0
                FROM unnest(@ids, @names, @types, @enabled, @instruments, @max_positions, @parameters)
                     AS c(id, name, type, enabled, instruments, max_position, parameters)
                ON CONFLICT (strategy_id) DO UPDATE SET
                    name = excluded.name, type = excluded.type, instruments = excluded.instruments,
                    max_position = excluded.max_position, parameters = excluded.parameters, updated_at = now(),
                    enabled = CASE WHEN strategies.journal_seq = 0 THEN excluded.enabled ELSE strategies.enabled END
                """);
            command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = Enumerable.Range(0, strategies.Count).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = strategies.Select(s => s.Name).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = strategies.Select(s => s.Type).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("enabled", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = strategies.Select(s => s.Enabled).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("instruments", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = strategies.Select(s => string.Join(',', s.Instruments)).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("max_positions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = strategies.Select(s => s.MaxPosition).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("parameters", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = strategies.Select(s => ParametersJson(s.Parameters)).ToArray() });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ParametersJson(IReadOnlyDictionary<string, double> parameters)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach ((string name, double value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteNumber(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
