namespace Llt.Shell.Sinks.Postgres;

/// <summary>
/// The PostgreSQL sink's schema, as versioned migrations. Never edit a released migration: add the next one.
/// Prices and money are numeric(28,8) (the journal's fixed-point 10^-8, exact); quantities are bigint; every
/// event table is keyed by the journal sequence, which makes redelivery a no-op. Current-state tables
/// (positions, daily_pnl, instruments, strategies) carry the sequence of the event that last set them and only
/// move forward.
/// </summary>
public static class PostgresMigrations
{
    public static IReadOnlyList<PostgresMigration> All { get; } =
    [
        new(1, "event tables, current state, sink positions", """
            CREATE TABLE {schema}.sink_positions (
                sink          text PRIMARY KEY,
                delivered_seq bigint NOT NULL,
                updated_at    timestamptz NOT NULL DEFAULT now());

            CREATE TABLE {schema}.instruments (
                instrument_id      integer PRIMARY KEY,
                symbol             text NOT NULL,
                exchange           text NOT NULL,
                tick_size          numeric(28,8) NOT NULL,
                lot_size           bigint NOT NULL,
                max_position       bigint NOT NULL,
                margin_requirement numeric(28,8) NOT NULL,
                journal_seq        bigint NOT NULL,
                updated_at         timestamptz NOT NULL DEFAULT now());

            CREATE TABLE {schema}.strategies (
                strategy_id  integer PRIMARY KEY,
                name         text,
                type         text,
                enabled      boolean NOT NULL,
                instruments  text[] NOT NULL DEFAULT '{}',
                max_position bigint,
                parameters   jsonb NOT NULL DEFAULT '{}',
                journal_seq  bigint NOT NULL,
                updated_at   timestamptz NOT NULL DEFAULT now());

            CREATE TABLE {schema}.orders (
                journal_seq    bigint PRIMARY KEY,
                journal_ts     timestamptz NOT NULL,
                action         text NOT NULL,
                cl_ord_id      bigint NOT NULL,
                orig_cl_ord_id bigint,
                instrument_id  integer NOT NULL,
                strategy_id    integer NOT NULL,
                venue_id       integer,
                side           text,
                ord_type       text,
                time_in_force  text,
                exec_inst      text NOT NULL,
                price          numeric(28,8),
                stop_price     numeric(28,8),
                qty            bigint,
                decision_ts    timestamptz);
            CREATE INDEX orders_cl_ord_id ON {schema}.orders (cl_ord_id);

            CREATE TABLE {schema}.executions (
                journal_seq    bigint PRIMARY KEY,
                journal_ts     timestamptz NOT NULL,
                cl_ord_id      bigint NOT NULL,
                venue_order_id bigint NOT NULL,
                instrument_id  integer NOT NULL,
                strategy_id    integer NOT NULL,
                venue_id       integer NOT NULL,
                exec_type      text NOT NULL,
                ord_status     text NOT NULL,
                side           text NOT NULL,
                reject_reason  text NOT NULL,
                price          numeric(28,8),
                order_qty      bigint NOT NULL,
                cum_qty        bigint NOT NULL,
                leaves_qty     bigint NOT NULL,
                avg_px         numeric(28,8),
                transact_ts    timestamptz,
                text           text NOT NULL);
            CREATE INDEX executions_cl_ord_id ON {schema}.executions (cl_ord_id);

            CREATE TABLE {schema}.fills (
                journal_seq   bigint NOT NULL,
                fill_no       smallint NOT NULL,
                cl_ord_id     bigint NOT NULL,
                instrument_id integer NOT NULL,
                strategy_id   integer NOT NULL,
                venue_id      integer NOT NULL,
                side          text NOT NULL,
                last_px       numeric(28,8) NOT NULL,
                last_qty      bigint NOT NULL,
                fee           numeric(28,8) NOT NULL,
                trade_id      bigint NOT NULL,
                liquidity     text NOT NULL,
                transact_ts   timestamptz,
                PRIMARY KEY (journal_seq, fill_no));

            CREATE TABLE {schema}.position_snapshots (
                journal_seq    bigint PRIMARY KEY,
                journal_ts     timestamptz NOT NULL,
                instrument_id  integer NOT NULL,
                strategy_id    integer NOT NULL,
                position       bigint NOT NULL,
                avg_price      numeric(28,8),
                realized_pnl   numeric(28,8) NOT NULL,
                unrealized_pnl numeric(28,8) NOT NULL,
                snapshot_ts    timestamptz);

            CREATE TABLE {schema}.positions (
                instrument_id  integer NOT NULL,
                strategy_id    integer NOT NULL,
                position       bigint NOT NULL,
                avg_price      numeric(28,8),
                realized_pnl   numeric(28,8) NOT NULL,
                unrealized_pnl numeric(28,8) NOT NULL,
                snapshot_ts    timestamptz,
                journal_seq    bigint NOT NULL,
                PRIMARY KEY (instrument_id, strategy_id));

            CREATE TABLE {schema}.pnl_snapshots (
                journal_seq     bigint PRIMARY KEY,
                journal_ts      timestamptz NOT NULL,
                trading_date    date NOT NULL,
                realized_pnl    numeric(28,8) NOT NULL,
                unrealized_pnl  numeric(28,8) NOT NULL,
                daily_pnl       numeric(28,8) NOT NULL,
                high_water_mark numeric(28,8) NOT NULL,
                drawdown        numeric(28,8) NOT NULL,
                gross_exposure  numeric(28,8) NOT NULL,
                net_exposure    numeric(28,8) NOT NULL,
                snapshot_ts     timestamptz);

            CREATE TABLE {schema}.daily_pnl (
                trading_date    date PRIMARY KEY,
                realized_pnl    numeric(28,8) NOT NULL,
                unrealized_pnl  numeric(28,8) NOT NULL,
                daily_pnl       numeric(28,8) NOT NULL,
                high_water_mark numeric(28,8) NOT NULL,
                drawdown        numeric(28,8) NOT NULL,
                journal_seq     bigint NOT NULL,
                updated_at      timestamptz NOT NULL);

            CREATE TABLE {schema}.risk_alerts (
                journal_seq   bigint PRIMARY KEY,
                journal_ts    timestamptz NOT NULL,
                breach_type   text NOT NULL,
                severity      text NOT NULL,
                strategy_id   integer,
                instrument_id integer,
                value         numeric(28,8) NOT NULL,
                limit_value   numeric(28,8) NOT NULL,
                alert_ts      timestamptz,
                text          text NOT NULL);

            CREATE TABLE {schema}.risk_metrics (
                journal_seq    bigint PRIMARY KEY,
                journal_ts     timestamptz NOT NULL,
                var_95         numeric(28,8) NOT NULL,
                var_99         numeric(28,8) NOT NULL,
                max_drawdown   numeric(28,8) NOT NULL,
                gross_exposure numeric(28,8) NOT NULL,
                net_exposure   numeric(28,8) NOT NULL,
                metrics_ts     timestamptz);

            -- what (kind + details), when (journal_ts), from where (source): operator commands as the engine
            -- applied them, the engine's answers, kill switch changes
            CREATE TABLE {schema}.audit_log (
                journal_seq    bigint PRIMARY KEY,
                journal_ts     timestamptz NOT NULL,
                kind           text NOT NULL,
                source         text NOT NULL,
                correlation_id bigint,
                details        jsonb NOT NULL);
            CREATE INDEX audit_log_journal_ts ON {schema}.audit_log (journal_ts);

            -- frames the sink could not decode: kept as evidence, never guessed at
            CREATE TABLE {schema}.journal_rejects (
                journal_seq bigint PRIMARY KEY,
                journal_ts  timestamptz NOT NULL,
                template_id integer NOT NULL,
                payload     bytea NOT NULL,
                error       text NOT NULL);
            """),
        new(2, "net positions from fills", """
            -- positions as the fills add up (the engine rebuilds its own the same way at restart); positions
            -- holds the engine's snapshots when it journals them
            CREATE VIEW {schema}.fill_positions AS
            SELECT f.instrument_id,
                   i.symbol,
                   f.strategy_id,
                   sum(CASE WHEN f.side = 'Buy' THEN f.last_qty ELSE -f.last_qty END) AS net_qty,
                   sum(CASE WHEN f.side = 'Buy' THEN f.last_qty ELSE 0 END)           AS bought,
                   sum(CASE WHEN f.side = 'Sell' THEN f.last_qty ELSE 0 END)          AS sold,
                   sum(f.fee)                                                         AS fees,
                   count(*)                                                           AS fills,
                   max(f.journal_seq)                                                 AS last_fill_seq
            FROM {schema}.fills f
            LEFT JOIN {schema}.instruments i ON i.instrument_id = f.instrument_id
            GROUP BY f.instrument_id, i.symbol, f.strategy_id;
            """),
    ];
}
