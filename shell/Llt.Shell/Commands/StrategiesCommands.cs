using System.CommandLine;
using System.Text.Json;
using Llt.Hotpath.Config;
using Llt.Shell.Configuration;
using Llt.Shell.Hosting;

namespace Llt.Shell.Commands;

/// <summary>`llt strategies list|enable|disable`: which strategies trade, and switching one through cmd.ring (done when the engine journals it).</summary>
internal static class StrategiesCommands
{
    public static Command Create()
    {
        var strategies = new Command("strategies", "List strategies with their state and P&L; enable or disable one");
        strategies.Subcommands.Add(CreateList());
        strategies.Subcommands.Add(CreateSwitch("enable", true));
        strategies.Subcommands.Add(CreateSwitch("disable", false));
        return strategies;
    }

    private static Command CreateList()
    {
        var options = new EngineOptions();
        var list = new Command("list", "Configured strategies: type, enabled, instruments, realized/unrealized P&L");
        options.AddReadOptions(list);
        list.SetAction(parseResult =>
        {
            using JournalProjection? p = options.Replay(parseResult, out int exit);
            if (p is null)
            {
                return exit;
            }

            var pnl = p.Pnl?.Strategies.ToDictionary(s => s.StrategyId) ?? [];
            if (parseResult.GetValue(options.Json))
            {
                using Stream stdout = Console.OpenStandardOutput();
                using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
                json.WriteStartArray();
                foreach (StrategyRow s in p.Strategies)
                {
                    json.WriteStartObject();
                    json.WriteNumber("id", s.StrategyId);
                    json.WriteString("name", s.Name);
                    json.WriteString("type", s.Type);
                    json.WriteBoolean("enabled", s.Enabled);
                    json.WriteString("source", s.Source);
                    json.WriteStartArray("instruments");
                    foreach (string symbol in p.Config.Strategies[s.StrategyId].Instruments)
                    {
                        json.WriteStringValue(symbol);
                    }

                    json.WriteEndArray();
                    if (pnl.TryGetValue(s.StrategyId, out StrategyPnlRow? row))
                    {
                        json.WriteNumber("realizedPnl", Money.ToDecimal(row.RealizedPnl));
                        json.WriteNumber("unrealizedPnl", Money.ToDecimal(row.UnrealizedPnl));
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                return ExitCodes.Ok;
            }

            foreach (StrategyRow s in p.Strategies)
            {
                string money = pnl.TryGetValue(s.StrategyId, out StrategyPnlRow? row)
                    ? $"realized {Money.Format(row.RealizedPnl)}, unrealized {Money.Format(row.UnrealizedPnl)}"
                    : "no P&L yet";
                string by = s.Sequence == 0 ? "" : $" (by {s.Source}, journal seq {s.Sequence})";
                Console.Out.WriteLine($"{s.StrategyId,2} {s.Name,-22} {s.Type,-20} {(s.Enabled ? "enabled" : "DISABLED"),-9} {string.Join(",", p.Config.Strategies[s.StrategyId].Instruments)}  {money}{by}");
            }

            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command CreateSwitch(string name, bool enable)
    {
        var options = new EngineOptions();
        var strategy = new Argument<string>("strategy") { Description = "Strategy name (or id) from llt.json" };
        var command = new Command(name, $"{(enable ? "Enable" : "Disable")} a strategy on the running engine") { strategy };
        options.AddControlOptions(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            EngineConfig? config = options.Resolve(parseResult);
            if (config is null)
            {
                return ExitCodes.BadUsage;
            }

            string strategyName = parseResult.GetValue(strategy)!;
            int id = LimitRequest.FindStrategy(config, strategyName);
            if (id < 0)
            {
                Console.Error.WriteLine($"llt strategies {name}: '{strategyName}' is not a configured strategy ({string.Join(", ", config.Strategies.Select(s => s.Name))})");
                return ExitCodes.BadUsage;
            }

            var client = new EngineControlClient(config, EngineControlClient.CliSource());
            ControlOutcome outcome = await client.SetStrategyEnabledAsync(id, enable, TimeSpan.FromMilliseconds(parseResult.GetValue(options.TimeoutMs)), cancellationToken).ConfigureAwait(false);
            return EngineOptions.Report(outcome, $"strategy {config.Strategies[id].Name} {name}");
        });
        return command;
    }
}
