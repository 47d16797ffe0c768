using Llt.Shell.Sinks.Events;
using Npgsql;
using NpgsqlTypes;
using static Llt.Shell.Sinks.Postgres.PostgresValues;

namespace Llt.Shell.Sinks.Postgres;

/// <summary>
/// Binary COPY of one batch's events, one COPY per table that has rows, columns typed explicitly so Npgsql never
/// guesses; column lists match the migrations. <c>into</c> prefixes the table name: <c>"schema".</c> for the
/// sink's tables, <c>stage_</c> for the staging tables (see <see cref="PostgresStaging"/>).
/// </summary>
internal static class PostgresCopy
{
    public static void Orders(NpgsqlConnection connection, string into, List<OrderEvent> rows)
    {
        using NpgsqlBinaryImporter copy = connection.BeginBinaryImport(
            $"COPY {into}orders (journal_seq, journal_ts, action, cl_ord_id, orig_cl_ord_id, instrument_id, strategy_id, venue_id, side, ord_type, time_in_force, exec_inst, price, stop_price, qty, decision_ts) FROM STDIN (FORMAT BINARY)");
        foreach (OrderEvent e in rows)
        {
            copy.StartRow();
            copy.Write(e.Sequence, NpgsqlDbType.Bigint);
            copy.Write(JournalTime(e.TimestampNs), NpgsqlDbType.TimestampTz);
            copy.Write(e.Kind, NpgsqlDbType.Text);
            copy.Write(e.ClOrdId, NpgsqlDbType.Bigint);
            Nullable(copy, e.OrigClOrdId, NpgsqlDbType.Bigint);
            copy.Write(e.InstrumentId, NpgsqlDbType.Integer);
            copy.Write(e.StrategyId, NpgsqlDbType.Integer);
            Nullable(copy, e.VenueId, NpgsqlDbType.Integer);
            Text(copy, e.Side?.ToString());
            Text(copy, e.OrdType?.ToString());
            Text(copy, e.TimeInForce?.ToString());
            copy.Write(e.ExecInst.ToString(), NpgsqlDbType.Text);
            Price(copy, e.Price);
            Price(copy, e.StopPrice);
            Nullable(copy, e.Qty, NpgsqlDbType.Bigint);
            Timestamp(copy, e.DecisionTs);
        }

        copy.Complete();
    }

    /// <summary>Execution reports to stage_executions and their fills to stage_fills; returns the fill count.</summary>
    public static int Executions(NpgsqlConnection connection, string into, List<ExecutionEvent> rows)
    {
        int fills = 0;
        using (NpgsqlBinaryImporter copy = connection.BeginBinaryImport(
            $"COPY {into}executions (journal_seq, journal_ts, cl_ord_id, venue_order_id, instrument_id, strategy_id, venue_id, exec_type, ord_status, side, reject_reason, price, order_qty, cum_qty, leaves_qty, avg_px, transact_ts, text) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (ExecutionEvent e in rows)
            {
                copy.StartRow();
                copy.Write(e.Sequence, NpgsqlDbType.Bigint);
                copy.Write(JournalTime(e.TimestampNs), NpgsqlDbType.TimestampTz);
                copy.Write(e.ClOrdId, NpgsqlDbType.Bigint);
                copy.Write(e.VenueOrderId, NpgsqlDbType.Bigint);
                copy.Write(e.InstrumentId, NpgsqlDbType.Integer);
                copy.Write(e.StrategyId, NpgsqlDbType.Integer);
                copy.Write(e.VenueId, NpgsqlDbType.Integer);
                copy.Write(e.ExecType.ToString(), NpgsqlDbType.Text);
                copy.Write(e.OrdStatus.ToString(), NpgsqlDbType.Text);
                copy.Write(e.Side.ToString(), NpgsqlDbType.Text);
                copy.Write(e.RejectReason.ToString(), NpgsqlDbType.Text);
                Price(copy, e.Price);
                copy.Write(e.OrderQty, NpgsqlDbType.Bigint);
                copy.Write(e.CumQty, NpgsqlDbType.Bigint);
                copy.Write(e.LeavesQty, NpgsqlDbType.Bigint);
                Price(copy, e.AvgPx);
                Timestamp(copy, e.TransactTs);
                copy.Write(e.Text, NpgsqlDbType.Text);
                fills += e.Fills.Count;
            }

            copy.Complete();
        }

        if (fills == 0)
        {
            return 0;
        }

        using (NpgsqlBinaryImporter copy = connection.BeginBinaryImport(
            $"COPY {into}fills (journal_seq, fill_no, cl_ord_id, instrument_id, strategy_id, venue_id, side, last_px, last_qty, fee, trade_id, liquidity, transact_ts) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (ExecutionEvent e in rows)
            {
                for (int i = 0; i < e.Fills.Count; i++)
                {
                    ExecutionFill fill = e.Fills[i];
                    copy.StartRow();
                    copy.Write(e.Sequence, NpgsqlDbType.Bigint);
                    copy.Write((short)i, NpgsqlDbType.Smallint);
                    copy.Write(e.ClOrdId, NpgsqlDbType.Bigint);
                    copy.Write(e.InstrumentId, NpgsqlDbType.Integer);
                    copy.Write(e.StrategyId, NpgsqlDbType.Integer);
                    copy.Write(e.VenueId, NpgsqlDbType.Integer);
                    copy.Write(e.Side.ToString(), NpgsqlDbType.Text);
                    copy.Write(Fixed(fill.LastPx), NpgsqlDbType.Numeric);
                    copy.Write(fill.LastQty, NpgsqlDbType.Bigint);
                    copy.Write(Fixed(fill.Fee), NpgsqlDbType.Numeric);
                    copy.Write(fill.TradeId, NpgsqlDbType.Bigint);
                    copy.Write(fill.Liquidity.ToString(), NpgsqlDbType.Text);
                    Timestamp(copy, e.TransactTs);
                }
            }

            copy.Complete();
        }

        return fills;
    }

    public static void Positions(NpgsqlConnection connection, string into, List<PositionEvent> rows)
    {
        using NpgsqlBinaryImporter copy = connection.BeginBinaryImport(
            $"COPY {into}position_snapshots (journal_seq, journal_ts, instrument_id, strategy_id, position, avg_price, realized_pnl, unrealized_pnl, snapshot_ts) FROM STDIN (FORMAT BINARY)");
        foreach (PositionEvent e in rows)
        {
            copy.StartRow();
            copy.Write(e.Sequence, NpgsqlDbType.Bigint);
            copy.Write(JournalTime(e.TimestampNs), NpgsqlDbType.TimestampTz);
            copy.Write(e.InstrumentId, NpgsqlDbType.Integer);
            copy.Write(e.StrategyId, NpgsqlDbType.Integer);
            copy.Write(e.Position, NpgsqlDbType.Bigint);
            Price(copy, e.AvgPrice);
            copy.Write(Fixed(e.RealizedPnl), NpgsqlDbType.Numeric);
            copy.Write(Fixed(e.UnrealizedPnl), NpgsqlDbType.Numeric);
            Timestamp(copy, e.SnapshotTs);
        }

        copy.Complete();
    }

    public static void Pnl(NpgsqlConnection connection, string into, List<PnlEvent> rows)
    {
        using NpgsqlBinaryImporter copy = connection.BeginBinaryImport(
            $"COPY {into}pnl_snapshots (journal_seq, journal_ts, trading_date, realized_pnl, unrealized_pnl, daily_pnl, high_water_mark, drawdown, gross_exposure, net_exposure, snapshot_ts) FROM STDIN (FORMAT BINARY)");
        foreach (PnlEvent e in rows)
        {
            copy.StartRow();
            copy.Write(e.Sequence, NpgsqlDbType.Bigint);
            copy.Write(JournalTime(e.TimestampNs), NpgsqlDbType.TimestampTz);
            // the engine's day: the snapshot's own time when set, else when it was journaled
            copy.Write(TradingDate(e.SnapshotTs > 0 ? e.SnapshotTs : e.TimestampNs), NpgsqlDbType.Date);
            copy.Write(Fixed(e.RealizedPnl), NpgsqlDbType.Numeric);
            copy.Write(Fixed(e.UnrealizedPnl), NpgsqlDbType.Numeric);
            copy.Write(Fixed(e.DailyPnl), NpgsqlDbType.Numeric);
            copy.Write(Fixed(e.HighWaterMark), NpgsqlDbType.Numeric);
            copy.Write(Fixed(e.Drawdown), NpgsqlDbType.Numeric);
            copy.Write(Fixed(e.GrossExposure), NpgsqlDbType.Numeric);
            copy.Write(Fixed(e.NetExposure), NpgsqlDbType.Numeric);
            Timestamp(copy, e.SnapshotTs);
        }

        copy.Complete();
    }

    public static void RiskAlerts(NpgsqlConnection connection, string into, List<RiskAlertEvent> rows)
    {
        using NpgsqlBinaryImporter copy = connection.BeginBinaryImport(
            $"COPY {into}risk_alerts (journal_seq, journal_ts, breach_type, severity, strategy_id, instrument_id, value, limit_value, alert_ts, text) FROM STDIN (FORMAT BINARY)");
        foreach (RiskAlertEvent e in rows)
        {
            copy.StartRow();
            copy.Write(e.Sequence, NpgsqlDbType.Bigint);
            copy.Write(JournalTime(e.TimestampNs), NpgsqlDbType.TimestampTz);
            copy.Write(e.BreachType.ToString(), NpgsqlDbType.Text);
            copy.Write(e.Severity.ToString(), NpgsqlDbType.Text);
            Nullable(copy, e.StrategyId, NpgsqlDbType.Integer);
            Nullable(copy, e.InstrumentId, NpgsqlDbType.Integer);
            copy.Write(Fixed(e.Value), NpgsqlDbType.Numeric);
            copy.Write(Fixed(e.LimitValue), NpgsqlDbType.Numeric);
            Timestamp(copy, e.AlertTs);
            copy.Write(e.Text, NpgsqlDbType.Text);
        }

        copy.Complete();
    }

    public static void RiskMetrics(NpgsqlConnection connection, string into, List<RiskMetricsEvent> rows)
    {
        using NpgsqlBinaryImporter copy = connection.BeginBinaryImport(
            $"COPY {into}risk_metrics (journal_seq, journal_ts, var_95, var_99, max_drawdown, gross_exposure, net_exposure, metrics_ts) FROM STDIN (FORMAT BINARY)");
        foreach (RiskMetricsEvent e in rows)
        {
            copy.StartRow();
            copy.Write(e.Sequence, NpgsqlDbType.Bigint);
            copy.Write(JournalTime(e.TimestampNs), NpgsqlDbType.TimestampTz);
            copy.Write(Fixed(e.Var95), NpgsqlDbType.Numeric);
            copy.Write(Fixed(e.Var99), NpgsqlDbType.Numeric);
            copy.Write(Fixed(e.MaxDrawdown), NpgsqlDbType.Numeric);
            copy.Write(Fixed(e.GrossExposure), NpgsqlDbType.Numeric);
            copy.Write(Fixed(e.NetExposure), NpgsqlDbType.Numeric);
            Timestamp(copy, e.MetricsTs);
        }

        copy.Complete();
    }

    public static void Audit(NpgsqlConnection connection, string into, List<AuditEntry> rows)
    {
        using NpgsqlBinaryImporter copy = connection.BeginBinaryImport(
            $"COPY {into}audit_log (journal_seq, journal_ts, kind, source, correlation_id, details) FROM STDIN (FORMAT BINARY)");
        foreach (AuditEntry e in rows)
        {
            copy.StartRow();
            copy.Write(e.Sequence, NpgsqlDbType.Bigint);
            copy.Write(JournalTime(e.TimestampNs), NpgsqlDbType.TimestampTz);
            copy.Write(e.Kind, NpgsqlDbType.Text);
            copy.Write(e.Source, NpgsqlDbType.Text);
            Nullable(copy, e.CorrelationId, NpgsqlDbType.Bigint);
            copy.Write(e.DetailsJson, NpgsqlDbType.Jsonb);
        }

        copy.Complete();
    }

    public static void Instruments(NpgsqlConnection connection, List<InstrumentDefinitionEvent> rows)
    {
        using NpgsqlBinaryImporter copy = connection.BeginBinaryImport(
            "COPY stage_instruments (instrument_id, symbol, exchange, tick_size, lot_size, max_position, margin_requirement, journal_seq) FROM STDIN (FORMAT BINARY)");
        foreach (InstrumentDefinitionEvent e in rows)
        {
            copy.StartRow();
            copy.Write(e.InstrumentId, NpgsqlDbType.Integer);
            copy.Write(e.Symbol, NpgsqlDbType.Text);
            copy.Write(e.Exchange, NpgsqlDbType.Text);
            copy.Write(Fixed(e.TickSize), NpgsqlDbType.Numeric);
            copy.Write(e.LotSize, NpgsqlDbType.Bigint);
            copy.Write(e.MaxPosition, NpgsqlDbType.Bigint);
            copy.Write(Fixed(e.MarginRequirement), NpgsqlDbType.Numeric);
            copy.Write(e.Sequence, NpgsqlDbType.Bigint);
        }

        copy.Complete();
    }

    public static void Rejects(NpgsqlConnection connection, string into, List<UndecodableEvent> rows)
    {
        using NpgsqlBinaryImporter copy = connection.BeginBinaryImport(
            $"COPY {into}journal_rejects (journal_seq, journal_ts, template_id, payload, error) FROM STDIN (FORMAT BINARY)");
        foreach (UndecodableEvent e in rows)
        {
            copy.StartRow();
            copy.Write(e.Sequence, NpgsqlDbType.Bigint);
            copy.Write(JournalTime(e.TimestampNs), NpgsqlDbType.TimestampTz);
            copy.Write(e.TemplateId, NpgsqlDbType.Integer);
            copy.Write(e.Payload, NpgsqlDbType.Bytea);
            copy.Write(e.Error, NpgsqlDbType.Text);
        }

        copy.Complete();
    }

    private static void Nullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value.HasValue)
        {
            copy.Write(value.Value, type);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void Price(NpgsqlBinaryImporter copy, long? raw)
    {
        if (raw.HasValue)
        {
            copy.Write(Fixed(raw.Value), NpgsqlDbType.Numeric);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static void Timestamp(NpgsqlBinaryImporter copy, long ns)
    {
        if (Time(ns) is DateTime time)
        {
            copy.Write(time, NpgsqlDbType.TimestampTz);
        }
        else
        {
            copy.WriteNull();
        }
    }
}
