using System.Globalization;
using Llt.Shell.Commands;
using Llt.Shell.Hosting;
using Llt.Shell.Sinks;
using Llt.Shell.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Llt.Shell.Run;

/// <summary>
/// What an operator watches during `llt run`: on a terminal a live Spectre.Console screen (engine, P&amp;L,
/// order/fill/reject rates, tick-to-order percentiles, positions, open orders, feeds, sinks, recent log lines),
/// redrawn each second; when stdout is not a terminal, one plain summary line per interval instead, so logs and
/// CI output stay readable.
/// </summary>
internal sealed class LiveView : BackgroundService
{
    private readonly RunContext _context;
    private readonly PlatformMonitor _monitor;
    private readonly ILogger _logger;

    public LiveView(RunContext context, PlatformMonitor monitor, ILogger<LiveView> logger)
    {
        _context = context;
        _monitor = monitor;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (_context.LiveView)
            {
                await AnsiConsole.Live(Render(_monitor.Latest, _context.Engine)).AutoClear(false).StartAsync(async live =>
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await Task.Delay(1000, stoppingToken).ConfigureAwait(false);
                        live.UpdateTarget(Render(_monitor.Latest, _context.Engine));
                        live.Refresh();
                    }
                }).ConfigureAwait(false);
            }
            else
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    await Task.Delay(_context.PlainViewInterval, stoppingToken).ConfigureAwait(false);
                    WritePlain(PlainLine(_monitor.Latest));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset asked = DateTimeOffset.UtcNow;
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        // the last word, in both modes: the session's final numbers, from a snapshot taken after the engine stopped
        for (int i = 0; i < 40 && _monitor.Latest.Taken <= asked && !cancellationToken.IsCancellationRequested; i++)
        {
            await Task.Delay(50, CancellationToken.None).ConfigureAwait(false);
        }

        WritePlain(PlainLine(_monitor.Latest));
    }

    /// <summary>To stdout as is, or as a log entry when LOG_FORMAT=json keeps stdout one JSON object per line.</summary>
    private void WritePlain(string line)
    {
        if (_context.Settings.Log.Json && !_context.LiveView)
        {
            using IDisposable? scope = _logger.BeginComponent("view");
            RunLog.Summary(_logger, line);
        }
        else
        {
            Console.Out.WriteLine(line);
        }
    }

    /// <summary>"[12:00:01] engine running pid 42 | pnl ... | orders 10/s ..." — one line, no markup.</summary>
    public static string PlainLine(PlatformSnapshot s)
    {
        StatHistogramRow? t2o = s.Histogram(PlatformMonitor.TickToOrderLabel);
        string latency = t2o is { Count: > 0 } h ? $"tick-to-order p50 {Micros(h.P50Ns)} p99 {Micros(h.P99Ns)} max {Micros(h.MaxNs)}" : "tick-to-order n/a";
        string pnl = s.Pnl is { } p ? $"pnl realized {Money.Format(p.RealizedPnl)} unrealized {Money.Format(p.UnrealizedPnl)} daily {Money.Format(p.DailyPnl)}" : "pnl n/a";
        string sinks = s.Sinks.Count == 0 ? "sinks: journal only" : "sinks: " + string.Join(", ", s.Sinks.Select(SinkText));
        string kill = s.KillSwitch is { Engaged: true } ? " | KILL SWITCH ENGAGED" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"[{s.Taken:HH:mm:ss}] engine {s.Engine.State.ToString().ToLowerInvariant()} pid {s.Engine.Pid} restarts {s.Engine.Restarts} | {pnl} | orders {s.OrdersSeen} ({s.Rates.OrdersPerSecond:0}/s) fills {s.Fills} ({s.Rates.FillsPerSecond:0}/s) rejects {s.Rejects} ({s.Rates.RejectsPerSecond:0}/s) open {s.OpenOrderCount} positions {s.Positions.Count} | {latency} | {sinks} | journal seq {s.LastSequence}{kill}");
    }

    private static string SinkText(JournalSinkStatus sink) =>
        string.Create(CultureInfo.InvariantCulture, $"{sink.Name} {(sink.Connected ? "up" : "DOWN")} lag {sink.LagEvents} ev/{sink.LagSeconds:0.0}s");

    private static string Micros(long ns) => string.Create(CultureInfo.InvariantCulture, $"{ns / 1000.0:0.0}us");

    private static IRenderable Render(PlatformSnapshot s, Llt.Hotpath.Config.EngineConfig engine)
    {
        var header = new Table().Border(TableBorder.Rounded).Expand().HideHeaders();
        header.AddColumn("k");
        header.AddColumn("v");
        header.AddRow(new Text("engine"), new Markup(EngineMarkup(s)));
        header.AddRow(new Text("P&L"), new Text(s.Pnl is { } p
            ? $"realized {Money.Format(p.RealizedPnl)}   unrealized {Money.Format(p.UnrealizedPnl)}   daily {Money.Format(p.DailyPnl)}   drawdown {Money.Format(p.Drawdown)}   gross {Money.Format(p.GrossExposure)}"
            : "waiting for the first P&L snapshot"));
        header.AddRow(new Text("flow"), new Text(string.Create(CultureInfo.InvariantCulture,
            $"orders {s.OrdersSeen} ({s.Rates.OrdersPerSecond:0}/s)   fills {s.Fills} ({s.Rates.FillsPerSecond:0}/s)   rejects {s.Rejects} ({s.Rates.RejectsPerSecond:0}/s)   ticks {s.Rates.TicksPerSecond:0}/s   open orders {s.OpenOrderCount}")));
        header.AddRow(new Text("latency"), new Text(LatencyText(s)));
        header.AddRow(new Text("risk"), new Markup(s.KillSwitch is { Engaged: true } k
            ? $"[red bold]KILL SWITCH ENGAGED[/] {Markup.Escape(k.Source)}: {Markup.Escape(k.Reason)}"
            : s.Risk is { } r ? Markup.Escape($"VaR95 {Money.Format(r.Var95)}  VaR99 {Money.Format(r.Var99)}  max drawdown {Money.Format(r.MaxDrawdown)}") : "no metrics yet"));
        header.AddRow(new Text("feeds"), new Text(s.Feeds.Count == 0 ? "no ticks yet" : string.Join("   ", s.Feeds.Select(f =>
            $"feed {f.FeedId}: {f.Quotes} quotes {f.Trades} trades, last {AgeText(s.Taken, f.LastTickNs)}"))));
        header.AddRow(new Text("sinks"), new Text(s.Sinks.Count == 0 ? "journal only" : string.Join("   ", s.Sinks.Select(SinkText))));

        var positions = new Table().Border(TableBorder.Simple).Title("positions");
        foreach (string column in new[] { "strategy", "symbol", "qty", "avg px", "unrealized", "realized" })
        {
            positions.AddColumn(column);
        }

        foreach (PositionRow row in s.Positions.Take(12))
        {
            positions.AddRow(row.Strategy, row.Symbol, row.Quantity.ToString(CultureInfo.InvariantCulture), Money.Format(row.AveragePrice),
                Money.Format(row.UnrealizedPnl), Money.Format(row.RealizedPnl));
        }

        var orders = new Table().Border(TableBorder.Simple).Title($"open orders ({s.OpenOrderCount})");
        foreach (string column in new[] { "id", "symbol", "side", "price", "qty", "filled", "status" })
        {
            orders.AddColumn(column);
        }

        foreach (OrderRow o in s.OpenOrders.Take(10))
        {
            string symbol = (uint)o.InstrumentId < (uint)engine.Instruments.Count ? engine.Instruments[o.InstrumentId].Symbol : $"#{o.InstrumentId}";
            orders.AddRow(o.ClOrdId.ToString(CultureInfo.InvariantCulture), symbol, o.Side.ToString(),
                o.Price is long px ? Money.Format(px) : "market", o.OrderQty.ToString(CultureInfo.InvariantCulture), o.CumQty.ToString(CultureInfo.InvariantCulture), o.Status.ToString());
        }

        var log = new Panel(new Text(s.RecentLog.Count == 0 ? "" : string.Join('\n', s.RecentLog))).Header("log").Expand();
        return new Rows(header, new Columns(positions, orders), log);
    }

    private static string EngineMarkup(PlatformSnapshot s)
    {
        string state = s.Engine.State switch
        {
            SupervisorState.Running => "[green]running[/]",
            SupervisorState.Restarting => "[yellow]restarting[/]",
            SupervisorState.Failed => "[red]failed[/]",
            _ => Markup.Escape(s.Engine.State.ToString().ToLowerInvariant()),
        };
        string heartbeat = s.Counters is { } c ? $", heartbeat {c.HeartbeatAgeMs} ms ago" : "";
        return $"{Markup.Escape(s.EngineName)} {state} pid {s.Engine.Pid}, restarts {s.Engine.Restarts}{Markup.Escape(heartbeat)}, journal seq {s.LastSequence}";
    }

    private static string LatencyText(PlatformSnapshot s)
    {
        string Row(string name, string label) => s.Histogram(label) is { Count: > 0 } h
            ? $"{name} p50 {Micros(h.P50Ns)} p90 {Micros(h.P90Ns)} p99 {Micros(h.P99Ns)} p99.9 {Micros(h.P999Ns)} max {Micros(h.MaxNs)}"
            : $"{name} n/a";
        return Row("tick-to-order", PlatformMonitor.TickToOrderLabel) + "   " + Row("tick-to-decision", PlatformMonitor.TickToDecisionLabel);
    }

    private static string AgeText(DateTimeOffset now, long epochNs)
    {
        double seconds = (now.ToUnixTimeMilliseconds() - (epochNs / 1_000_000)) / 1000.0;
        return seconds < 0 ? "now" : string.Create(CultureInfo.InvariantCulture, $"{seconds:0.0}s ago");
    }
}
