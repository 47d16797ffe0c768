namespace Llt.Shell.Sinks.Postgres;

/// <summary>
/// The per-connection staging tables a batch is COPYed into when it may hold rows the tables already have, and
/// the statements that move it into the sink's tables. Staging tables are temporary copies of their target's
/// columns (ON COMMIT DELETE ROWS), so every merge is "INSERT … SELECT * … ON CONFLICT": redelivered rows are
/// no-ops. Current-state rows (positions, daily P&amp;L, instruments) only move forward in journal order.
/// </summary>
internal static class PostgresStaging
{
    /// <summary>Event tables: staging name = "stage_" + table, same columns, plain insert-if-absent.</summary>
    public static readonly string[] EventTables =
    [
        "orders", "executions", "fills", "position_snapshots", "pnl_snapshots", "risk_alerts", "risk_metrics",
        "audit_log", "journal_rejects",
    ];

    public static string CreateSql(string schema)
    {
        var sql = new System.Text.StringBuilder();
        foreach (string table in EventTables)
        {
            sql.Append($"CREATE TEMP TABLE IF NOT EXISTS stage_{table} (LIKE {schema}.{table}) ON COMMIT DELETE ROWS;\n");
        }

        sql.Append($"CREATE TEMP TABLE IF NOT EXISTS stage_instruments (LIKE {schema}.instruments INCLUDING DEFAULTS) ON COMMIT DELETE ROWS;\n");
        return sql.ToString();
    }

    public static string MergeEvents(string schema, string table) =>
        $"INSERT INTO {schema}.{table} SELECT * FROM stage_{table} ON CONFLICT DO NOTHING";

    /// <summary>Current positions from the batch's snapshots in <paramref name="source"/> (a FROM clause: staging or the history table's range).</summary>
    public static string MergePositions(string schema, string source) => $"""
        INSERT INTO {schema}.positions (instrument_id, strategy_id, position, avg_price, realized_pnl, unrealized_pnl, snapshot_ts, journal_seq)
        SELECT DISTINCT ON (instrument_id, strategy_id)
               instrument_id, strategy_id, position, avg_price, realized_pnl, unrealized_pnl, snapshot_ts, journal_seq
        FROM {source}
        ORDER BY instrument_id, strategy_id, journal_seq DESC
        ON CONFLICT (instrument_id, strategy_id) DO UPDATE SET
            position = excluded.position, avg_price = excluded.avg_price, realized_pnl = excluded.realized_pnl,
            unrealized_pnl = excluded.unrealized_pnl, snapshot_ts = excluded.snapshot_ts, journal_seq = excluded.journal_seq
        WHERE positions.journal_seq < excluded.journal_seq
        """;

    public static string MergeDailyPnl(string schema, string source) => $"""
        INSERT INTO {schema}.daily_pnl (trading_date, realized_pnl, unrealized_pnl, daily_pnl, high_water_mark, drawdown, journal_seq, updated_at)
        SELECT DISTINCT ON (trading_date)
               trading_date, realized_pnl, unrealized_pnl, daily_pnl, high_water_mark, drawdown, journal_seq, journal_ts
        FROM {source}
        ORDER BY trading_date, journal_seq DESC
        ON CONFLICT (trading_date) DO UPDATE SET
            realized_pnl = excluded.realized_pnl, unrealized_pnl = excluded.unrealized_pnl, daily_pnl = excluded.daily_pnl,
            high_water_mark = excluded.high_water_mark, drawdown = excluded.drawdown, journal_seq = excluded.journal_seq,
            updated_at = excluded.updated_at
        WHERE daily_pnl.journal_seq < excluded.journal_seq
        """;

    public static string MergeInstruments(string schema) => $"""
        INSERT INTO {schema}.instruments (instrument_id, symbol, exchange, tick_size, lot_size, max_position, margin_requirement, journal_seq)
        SELECT DISTINCT ON (instrument_id)
               instrument_id, symbol, exchange, tick_size, lot_size, max_position, margin_requirement, journal_seq
        FROM stage_instruments
        ORDER BY instrument_id, journal_seq DESC
        ON CONFLICT (instrument_id) DO UPDATE SET
            symbol = excluded.symbol, exchange = excluded.exchange, tick_size = excluded.tick_size, lot_size = excluded.lot_size,
            max_position = excluded.max_position, margin_requirement = excluded.margin_requirement,
            journal_seq = excluded.journal_seq, updated_at = now()
        WHERE instruments.journal_seq < excluded.journal_seq
        """;

    /// <summary>Strategy enable/disable as journaled: @ids, @enabled, @seqs (last change per strategy).</summary>
    public static string MergeStrategyStates(string schema) => $"""
        UPDATE {schema}.strategies AS s
        SET enabled = c.enabled, journal_seq = c.journal_seq, updated_at = now()
        FROM unnest(@ids::integer[], @enabled::boolean[], @seqs::bigint[]) AS c(strategy_id, enabled, journal_seq)
        WHERE s.strategy_id = c.strategy_id AND s.journal_seq < c.journal_seq
        """;

    public static string RecordPosition(string schema) => $"""
        INSERT INTO {schema}.sink_positions (sink, delivered_seq, updated_at) VALUES (@sink, @seq, now())
        ON CONFLICT (sink) DO UPDATE SET
            delivered_seq = greatest(sink_positions.delivered_seq, excluded.delivered_seq), updated_at = now()
        """;
}
