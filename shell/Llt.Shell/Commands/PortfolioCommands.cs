using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Llt.Hotpath.Portfolio;
using Llt.Shell.Hosting;

namespace Llt.Shell.Commands;

/// <summary>
/// `llt positions`, `llt orders [--open]` and `llt pnl`: the engine's book rebuilt from its journal (fills and
/// quotes replayed through the engine's own ledger, so every figure matches the engine to 10^-8). Read only;
/// exit 3 when there is no journal.
/// </summary>
internal static class PortfolioCommands
{
    public static Command CreatePositions()
    {
        var options = new EngineOptions();
        var all = new Option<bool>("--all") { Description = "Include flat positions that traded" };
        var command = new Command("positions", "Positions per strategy and symbol: quantity, average price, realized/unrealized P&L, fees") { all };
        options.AddReadOptions(command);
        command.SetAction(parseResult =>
        {
            using JournalProjection? p = options.Replay(parseResult, out int exit);
            if (p is null)
            {
                return exit;
            }

            List<PositionRow> rows = p.Positions(parseResult.GetValue(all));
            if (parseResult.GetValue(options.Json))
            {
                using Stream stdout = Console.OpenStandardOutput();
                using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
                json.WriteStartArray();
                foreach (PositionRow r in rows)
                {
                    json.WriteStartObject();
                    json.WriteString("strategy", r.Strategy);
                    json.WriteString("symbol", r.Symbol);
                    json.WriteNumber("quantity", r.Quantity);
                    json.WriteNumber("averagePrice", Money.ToDecimal(r.AveragePrice));
                    json.WriteNumber("mark", Money.ToDecimal(r.Mark));
                    json.WriteNumber("realizedPnl", Money.ToDecimal(r.RealizedPnl));
                    json.WriteNumber("unrealizedPnl", Money.ToDecimal(r.UnrealizedPnl));
                    json.WriteNumber("fees", Money.ToDecimal(r.Fees));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                return ExitCodes.Ok;
            }

            if (rows.Count == 0)
            {
                Console.Out.WriteLine("no open positions");
                return ExitCodes.Ok;
            }

            Console.Out.WriteLine($"{"strategy",-20} {"symbol",-8} {"qty",10} {"avg px",14} {"mark",14} {"realized",14} {"unrealized",14} {"fees",12}");
            foreach (PositionRow r in rows)
            {
                Console.Out.WriteLine($"{r.Strategy,-20} {r.Symbol,-8} {r.Quantity,10} {Money.Format(r.AveragePrice),14} {Money.Format(r.Mark),14} {Money.Format(r.RealizedPnl),14} {Money.Format(r.UnrealizedPnl),14} {Money.Format(r.Fees),12}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateOrders()
    {
        var options = new EngineOptions();
        var open = new Option<bool>("--open") { Description = "Only orders still working" };
        var limit = new Option<int>("--limit") { Description = "At most this many closed orders, newest", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--limit must be >= 0");
            }
        });
        var command = new Command("orders", "Orders from the journal: open ones, then the most recent closed ones") { open, limit };
        options.AddReadOptions(command);
        command.SetAction(parseResult =>
        {
            using JournalProjection? p = options.Replay(parseResult, out int exit, Math.Max(1, parseResult.GetValue(limit)));
            if (p is null)
            {
                return exit;
            }

            var rows = p.OpenOrders.OrderBy(o => o.ClOrdId).ToList();
            if (!parseResult.GetValue(open))
            {
                int count = parseResult.GetValue(limit);
                rows.AddRange(p.ClosedOrders.Reverse().Take(count).Reverse());
            }

            if (parseResult.GetValue(options.Json))
            {
                using Stream stdout = Console.OpenStandardOutput();
                using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
                json.WriteStartArray();
                foreach (OrderRow o in rows)
                {
                    json.WriteStartObject();
                    json.WriteNumber("clOrdId", o.ClOrdId);
                    if (o.ParentClOrdId != 0)
                    {
                        json.WriteNumber("parentClOrdId", o.ParentClOrdId);
                    }

                    json.WriteString("strategy", p.StrategyOf(o.StrategyId));
                    json.WriteString("symbol", p.SymbolOf(o.InstrumentId));
                    json.WriteString("side", o.Side.ToString());
                    json.WriteString("type", o.OrdType.ToString());
                    if (o.Price is long price)
                    {
                        json.WriteNumber("price", Money.ToDecimal(price));
                    }
                    else
                    {
                        json.WriteNull("price");
                    }

                    json.WriteNumber("orderQty", o.OrderQty);
                    json.WriteNumber("cumQty", o.CumQty);
                    json.WriteNumber("leavesQty", o.LeavesQty);
                    if (o.AvgPx is long avg)
                    {
                        json.WriteNumber("avgPx", Money.ToDecimal(avg));
                    }

                    json.WriteString("status", o.Status.ToString());
                    json.WriteBoolean("open", o.IsOpen);
                    if (o.RejectReason != Llt.Sbe.RejectReason.None)
                    {
                        json.WriteString("rejectReason", o.RejectReason.ToString());
                    }

                    json.WriteNumber("createdNs", o.CreatedNs);
                    json.WriteNumber("updatedNs", o.UpdatedNs);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                return ExitCodes.Ok;
            }

            if (rows.Count == 0)
            {
                Console.Out.WriteLine(parseResult.GetValue(open) ? "no open orders" : "no orders");
                return ExitCodes.Ok;
            }

            Console.Out.WriteLine($"{"clOrdId",20} {"strategy",-20} {"symbol",-8} {"side",-5} {"price",12} {"qty",8} {"filled",8} {"avg px",12} status");
            foreach (OrderRow o in rows)
            {
                string price = o.Price is long px ? Money.Format(px) : "market";
                string avg = o.AvgPx is long a ? Money.Format(a) : "";
                string status = o.RejectReason != Llt.Sbe.RejectReason.None ? $"{o.Status} ({o.RejectReason})" : o.Status.ToString();
                Console.Out.WriteLine($"{o.ClOrdId,20} {p.StrategyOf(o.StrategyId),-20} {p.SymbolOf(o.InstrumentId),-8} {o.Side,-5} {price,12} {o.OrderQty,8} {o.CumQty,8} {avg,12} {status}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreatePnl()
    {
        var options = new EngineOptions();
        var command = new Command("pnl", "P&L: the engine's latest snapshot (realized, unrealized, daily, drawdown, exposure) per strategy");
        options.AddReadOptions(command);
        command.SetAction(parseResult =>
        {
            using JournalProjection? p = options.Replay(parseResult, out int exit);
            if (p is null)
            {
                return exit;
            }

            PortfolioTotals totals = p.Totals;
            PnlRow? pnl = p.Pnl;
            if (parseResult.GetValue(options.Json))
            {
                using Stream stdout = Console.OpenStandardOutput();
                using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
                json.WriteStartObject();
                json.WriteStartObject("replayed");
                json.WriteNumber("realizedPnl", Money.ToDecimal(totals.RealizedPnl));
                json.WriteNumber("unrealizedPnl", Money.ToDecimal(totals.UnrealizedPnl));
                json.WriteNumber("fees", Money.ToDecimal(totals.Fees));
                json.WriteNumber("fills", p.Fills);
                json.WriteEndObject();
                if (pnl is not null)
                {
                    json.WriteStartObject("snapshot");
                    json.WriteNumber("realizedPnl", Money.ToDecimal(pnl.RealizedPnl));
                    json.WriteNumber("unrealizedPnl", Money.ToDecimal(pnl.UnrealizedPnl));
                    json.WriteNumber("dailyPnl", Money.ToDecimal(pnl.DailyPnl));
                    json.WriteNumber("highWaterMark", Money.ToDecimal(pnl.HighWaterMark));
                    json.WriteNumber("drawdown", Money.ToDecimal(pnl.Drawdown));
                    json.WriteNumber("grossExposure", Money.ToDecimal(pnl.GrossExposure));
                    json.WriteNumber("netExposure", Money.ToDecimal(pnl.NetExposure));
                    json.WriteNumber("tsNs", pnl.TsNs);
                    json.WriteStartArray("strategies");
                    foreach (StrategyPnlRow s in pnl.Strategies)
                    {
                        json.WriteStartObject();
                        json.WriteString("strategy", p.StrategyOf(s.StrategyId));
                        json.WriteNumber("realizedPnl", Money.ToDecimal(s.RealizedPnl));
                        json.WriteNumber("unrealizedPnl", Money.ToDecimal(s.UnrealizedPnl));
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                return ExitCodes.Ok;
            }

            Console.Out.WriteLine($"replayed from {p.Fills} fills: realized {Money.Format(totals.RealizedPnl)}, unrealized {Money.Format(totals.UnrealizedPnl)}, fees {Money.Format(totals.Fees)}");
            if (pnl is null)
            {
                Console.Out.WriteLine("no P&L snapshot journaled yet");
                return ExitCodes.Ok;
            }

            string at = DateTimeOffset.FromUnixTimeMilliseconds(pnl.TsNs / 1_000_000).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            Console.Out.WriteLine($"engine snapshot at {at} UTC: realized {Money.Format(pnl.RealizedPnl)}, unrealized {Money.Format(pnl.UnrealizedPnl)}, daily {Money.Format(pnl.DailyPnl)}");
            Console.Out.WriteLine($"  high-water mark {Money.Format(pnl.HighWaterMark)}, drawdown {Money.Format(pnl.Drawdown)}, gross exposure {Money.Format(pnl.GrossExposure)}, net exposure {Money.Format(pnl.NetExposure)}");
            foreach (StrategyPnlRow s in pnl.Strategies)
            {
                Console.Out.WriteLine($"  {p.StrategyOf(s.StrategyId),-20} realized {Money.Format(s.RealizedPnl),14} unrealized {Money.Format(s.UnrealizedPnl),14}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
