using System.Globalization;
using System.Text;
using Llt.Hotpath.Config;
using Llt.Shell.Commands;
using Llt.Shell.Hosting;
using Llt.Shell.Run;
using Llt.Shell.Sinks;

namespace Llt.Shell.Health;

/// <summary>
/// /metrics in the Prometheus text exposition format (version 0.0.4): engine liveness and restarts, order / fill
/// / reject totals and rates, rejects by reason, P&amp;L and exposure, VaR, positions, latency histograms as
/// summaries (quantiles in seconds), feeds, sink lag and every raw engine counter.
/// </summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(PlatformSnapshot s)
    {
        var o = new StringBuilder(8 * 1024);
        Gauge(o, "llt_engine_up", "1 when the supervised engine runs", s.Engine.State == SupervisorState.Running ? 1 : 0);
        Counter(o, "llt_engine_restarts_total", "engine restarts after a crash in this session", s.Engine.Restarts);
        if (s.Counters is { } c)
        {
            Gauge(o, "llt_engine_heartbeat_age_seconds", "age of the engine's counters heartbeat", c.HeartbeatAgeMs / 1000.0);
        }

        Gauge(o, "llt_kill_switch_engaged", "1 while the kill switch is latched", s.KillSwitch?.Engaged == true ? 1 : 0);
        Gauge(o, "llt_journal_sequence", "last journal sequence read", s.LastSequence);
        Counter(o, "llt_orders_total", "orders decided by strategies (journaled NewOrder)", s.OrdersSeen);
        Counter(o, "llt_fills_total", "fills journaled", s.Fills);
        Counter(o, "llt_orders_rejected_total", "order rejects journaled (all reasons)", s.Rejects);
        Gauge(o, "llt_orders_open", "orders still working", s.OpenOrderCount);
        Gauge(o, "llt_order_rate", "orders sent per second (last interval)", s.Rates.OrdersPerSecond);
        Gauge(o, "llt_fill_rate", "fills per second (last interval)", s.Rates.FillsPerSecond);
        Gauge(o, "llt_reject_rate", "rejects per second (last interval)", s.Rates.RejectsPerSecond);
        Gauge(o, "llt_tick_rate", "market data messages accepted per second (last interval)", s.Rates.TicksPerSecond);

        Header(o, "llt_rejects_total", "counter", "order rejects by reason");
        foreach ((string reason, long count) in s.RejectsByReason)
        {
            Sample(o, "llt_rejects_total", [("reason", reason)], count);
        }

        Header(o, "llt_risk_alerts_total", "counter", "risk alerts by breach type");
        foreach ((string breach, long count) in s.AlertsByBreach)
        {
            Sample(o, "llt_risk_alerts_total", [("breach", breach)], count);
        }

        if (s.Pnl is { } p)
        {
            Gauge(o, "llt_pnl_realized", "realized P&L (currency)", Money(p.RealizedPnl));
            Gauge(o, "llt_pnl_unrealized", "unrealized P&L (currency)", Money(p.UnrealizedPnl));
            Gauge(o, "llt_pnl_daily", "daily P&L (currency)", Money(p.DailyPnl));
            Gauge(o, "llt_drawdown", "drawdown from the high-water mark (currency)", Money(p.Drawdown));
            Gauge(o, "llt_exposure_gross", "gross exposure (currency)", Money(p.GrossExposure));
            Gauge(o, "llt_exposure_net", "net exposure (currency)", Money(p.NetExposure));
        }

        if (s.Risk is { } r)
        {
            Gauge(o, "llt_var95", "value at risk, 95% (currency)", Money(r.Var95));
            Gauge(o, "llt_var99", "value at risk, 99% (currency)", Money(r.Var99));
        }

        Header(o, "llt_position", "gauge", "position per strategy and symbol (shares)");
        foreach (PositionRow row in s.Positions)
        {
            Sample(o, "llt_position", [("strategy", row.Strategy), ("symbol", row.Symbol)], row.Quantity);
        }

        Header(o, "llt_position_unrealized_pnl", "gauge", "unrealized P&L per strategy and symbol (currency)");
        foreach (PositionRow row in s.Positions)
        {
            Sample(o, "llt_position_unrealized_pnl", [("strategy", row.Strategy), ("symbol", row.Symbol)], Money(row.UnrealizedPnl));
        }

        if (s.Counters is { } counters)
        {
            Header(o, "llt_latency_seconds", "summary", "engine latency histograms (tick-to-order, tick-to-decision, md.ring hop, cmd apply)");
            foreach (StatHistogramRow h in counters.Histograms)
            {
                string histogram = MetricName(h.Label.Replace(" ns", "", StringComparison.Ordinal));
                foreach ((string q, long ns) in new[] { ("0.5", h.P50Ns), ("0.9", h.P90Ns), ("0.99", h.P99Ns), ("0.999", h.P999Ns), ("1", h.MaxNs) })
                {
                    Sample(o, "llt_latency_seconds", [("histogram", histogram), ("quantile", q)], h.Count == 0 ? double.NaN : ns / 1e9);
                }

                Sample(o, "llt_latency_seconds_sum", [("histogram", histogram)], h.MeanNs * h.Count / 1e9);
                Sample(o, "llt_latency_seconds_count", [("histogram", histogram)], h.Count);
            }

            Header(o, "llt_engine_counter", "gauge", "every engine counter by its label (llt stat)");
            foreach (StatCounterRow row in counters.Counters)
            {
                Sample(o, "llt_engine_counter", [("id", row.Id.ToString(CultureInfo.InvariantCulture)), ("label", row.Label)], row.Value);
            }
        }

        Header(o, "llt_feed_ticks_total", "counter", "ticks journaled per feed");
        Header(o, "llt_feed_last_tick_age_seconds", "gauge", "seconds since the feed's last journaled tick");
        foreach (FeedRow f in s.Feeds)
        {
            string feed = f.FeedId.ToString(CultureInfo.InvariantCulture);
            Sample(o, "llt_feed_ticks_total", [("feed", feed)], f.Quotes + f.Trades);
            Sample(o, "llt_feed_last_tick_age_seconds", [("feed", feed)], Math.Max(0, s.Taken.ToUnixTimeMilliseconds() - (f.LastTickNs / 1_000_000)) / 1000.0);
        }

        Header(o, "llt_sink_connected", "gauge", "1 when the sink's store acknowledged the last attempt");
        Header(o, "llt_sink_lag_events", "gauge", "journal events not yet acknowledged by the sink's store");
        Header(o, "llt_sink_lag_seconds", "gauge", "age of the oldest event not yet acknowledged");
        Header(o, "llt_sink_delivered_total", "counter", "events delivered since start");
        Header(o, "llt_sink_errors_total", "counter", "failed store attempts since start");
        foreach (JournalSinkStatus sink in s.Sinks)
        {
            (string, string)[] label = [("sink", sink.Name)];
            Sample(o, "llt_sink_connected", label, sink.Connected ? 1 : 0);
            Sample(o, "llt_sink_lag_events", label, sink.LagEvents);
            Sample(o, "llt_sink_lag_seconds", label, sink.LagSeconds);
            Sample(o, "llt_sink_delivered_total", label, sink.DeliveredEvents);
            Sample(o, "llt_sink_errors_total", label, sink.Errors);
        }

        Counter(o, "llt_alerts_published_total", "alerts published (log and webhook)", s.AlertsPublished);
        return o.ToString();
    }

    private static double Money(long raw) => FixedPoint.ToDouble(raw);

    private static void Gauge(StringBuilder o, string name, string help, double value)
    {
        Header(o, name, "gauge", help);
        Sample(o, name, [], value);
    }

    private static void Counter(StringBuilder o, string name, string help, double value)
    {
        Header(o, name, "counter", help);
        Sample(o, name, [], value);
    }

    private static void Header(StringBuilder o, string name, string type, string help) =>
        o.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n')
         .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Sample(StringBuilder o, string name, (string Name, string Value)[] labels, double value)
    {
        o.Append(name);
        if (labels.Length > 0)
        {
            o.Append('{');
            for (int i = 0; i < labels.Length; i++)
            {
                o.Append(i == 0 ? "" : ",").Append(labels[i].Name).Append("=\"").Append(EscapeLabel(labels[i].Value)).Append('"');
            }

            o.Append('}');
        }

        o.Append(' ').Append(FormatValue(value)).Append('\n');
    }

    private static string FormatValue(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Label values escape backslash, double quote and line feed (exposition format).</summary>
    private static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>"tick-to-order" → "tick_to_order": label values stay readable and stable.</summary>
    private static string MetricName(string label)
    {
        var name = new StringBuilder(label.Length);
        foreach (char ch in label)
        {
            name.Append(char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '_');
        }

        return name.ToString().Trim('_');
    }
}
