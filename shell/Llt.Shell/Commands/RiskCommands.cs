using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Llt.Hotpath.Config;
using Llt.Sbe;
using Llt.Shell.Configuration;
using Llt.Shell.Hosting;

namespace Llt.Shell.Commands;

/// <summary>
/// `llt risk` (post-trade metrics, kill switch, limits in force, recent alerts) and `llt limits get|set`. A set is
/// a SetLimit command through cmd.ring, resolved and checked here first (kind, scope, target, exact unit), and
/// done only when the engine journals CommandResult Applied for it.
/// </summary>
internal static class RiskCommands
{
    public static Command CreateRisk()
    {
        var options = new EngineOptions();
        var command = new Command("risk", "Risk metrics (VaR 95/99, drawdown, exposure), kill switch, limits in force and recent alerts");
        options.AddReadOptions(command);
        command.SetAction(parseResult =>
        {
            using JournalProjection? p = options.Replay(parseResult, out int exit);
            if (p is null)
            {
                return exit;
            }

            if (parseResult.GetValue(options.Json))
            {
                using Stream stdout = Console.OpenStandardOutput();
                using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
                json.WriteStartObject();
                if (p.RiskMetrics is { } m)
                {
                    json.WriteStartObject("metrics");
                    json.WriteNumber("var95", Money.ToDecimal(m.Var95));
                    json.WriteNumber("var99", Money.ToDecimal(m.Var99));
                    json.WriteNumber("maxDrawdown", Money.ToDecimal(m.MaxDrawdown));
                    json.WriteNumber("grossExposure", Money.ToDecimal(m.GrossExposure));
                    json.WriteNumber("netExposure", Money.ToDecimal(m.NetExposure));
                    json.WriteNumber("tsNs", m.TsNs);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("metrics");
                }

                json.WriteStartObject("killSwitch");
                json.WriteBoolean("engaged", p.KillSwitch?.Engaged ?? false);
                if (p.KillSwitch is { } ks)
                {
                    json.WriteString("source", ks.Source);
                    json.WriteString("reason", ks.Reason);
                    json.WriteString("breach", ks.Breach == BreachType.NullValue ? null : ks.Breach.ToString());
                }

                json.WriteEndObject();
                WriteLimits(json, "limits", p.Limits);
                json.WriteStartArray("recentAlerts");
                foreach (AlertRow a in p.RecentAlerts)
                {
                    json.WriteStartObject();
                    json.WriteNumber("sequence", a.Sequence);
                    json.WriteString("breach", a.Breach.ToString());
                    json.WriteString("severity", a.Severity.ToString());
                    json.WriteString("strategy", a.StrategyId < 0 ? null : p.StrategyOf(a.StrategyId));
                    json.WriteString("symbol", a.InstrumentId < 0 ? null : p.SymbolOf(a.InstrumentId));
                    json.WriteNumber("value", a.Value);
                    json.WriteNumber("limit", a.LimitValue);
                    json.WriteString("text", a.Text);
                    json.WriteNumber("tsNs", a.TsNs);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                return ExitCodes.Ok;
            }

            TextWriter o = Console.Out;
            o.WriteLine(p.RiskMetrics is { } rm
                ? $"VaR 95% {Money.Format(rm.Var95)}, VaR 99% {Money.Format(rm.Var99)}, max drawdown {Money.Format(rm.MaxDrawdown)}, gross exposure {Money.Format(rm.GrossExposure)}, net exposure {Money.Format(rm.NetExposure)}"
                : "no risk metrics journaled yet");
            o.WriteLine(p.KillSwitch is { Engaged: true } k ? $"kill switch ENGAGED by {k.Source}: {k.Reason}" : "kill switch released");
            o.WriteLine("limits in force:");
            WriteLimitsText(p.Limits);
            o.WriteLine($"recent alerts ({p.RecentAlerts.Count}):");
            foreach (AlertRow a in p.RecentAlerts)
            {
                o.WriteLine($"  seq {a.Sequence} {a.Severity} {a.Breach}: {a.Text}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateLimits()
    {
        var limits = new Command("limits", "Risk limits: get the ones in force, set one on the running engine");
        limits.Subcommands.Add(CreateGet());
        limits.Subcommands.Add(CreateSet());
        return limits;
    }

    private static Command CreateGet()
    {
        var options = new EngineOptions();
        var kind = new Option<string>("--kind") { Description = $"Only this kind: {LimitKind.Names}" };
        var scope = new Option<string>("--scope") { Description = $"Only this scope: {LimitScopeName.Names}" };
        var target = new Option<string>("--target") { Description = "Only this symbol or strategy" };
        var get = new Command("get", "Limits in force: the configured ones, then every SetLimit the engine applied") { kind, scope, target };
        options.AddReadOptions(get);
        get.SetAction(parseResult =>
        {
            string? kindName = parseResult.GetValue(kind);
            LimitKind? onlyKind = null;
            if (kindName is not null && (onlyKind = LimitKind.Find(kindName)) is null)
            {
                Console.Error.WriteLine($"llt limits: unknown kind '{kindName}'; one of {LimitKind.Names}");
                return ExitCodes.BadUsage;
            }

            string? scopeName = parseResult.GetValue(scope);
            LimitScope onlyScope = LimitScope.NullValue;
            if (scopeName is not null && !LimitScopeName.TryParse(scopeName, out onlyScope))
            {
                Console.Error.WriteLine($"llt limits: unknown scope '{scopeName}'; one of {LimitScopeName.Names}");
                return ExitCodes.BadUsage;
            }

            using JournalProjection? p = options.Replay(parseResult, out int exit);
            if (p is null)
            {
                return exit;
            }

            string? onlyTarget = parseResult.GetValue(target);
            var rows = p.Limits.Where(l => (onlyKind is null || l.Kind == onlyKind)
                && (scopeName is null || l.Scope == onlyScope)
                && (onlyTarget is null || string.Equals(l.Target, onlyTarget, StringComparison.OrdinalIgnoreCase))).ToList();
            if (parseResult.GetValue(options.Json))
            {
                using Stream stdout = Console.OpenStandardOutput();
                using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
                json.WriteStartObject();
                WriteLimits(json, "limits", rows);
                json.WriteEndObject();
            }
            else
            {
                WriteLimitsText(rows);
            }

            return ExitCodes.Ok;
        });
        return get;
    }

    private static Command CreateSet()
    {
        var options = new EngineOptions();
        var kind = new Argument<string>("kind") { Description = $"One of {LimitKind.Names}" };
        var value = new Argument<string>("value") { Description = "In the kind's unit: shares, orders/s, currency, or a fraction (0.02 = 2%)" };
        var scope = new Option<string>("--scope") { Description = $"One of {LimitScopeName.Names}", Required = true };
        var target = new Option<string>("--target") { Description = "Symbol (symbol scope) or strategy name (strategy scope)" };
        var set = new Command("set", "Set a risk limit on the running engine; done when the engine journals it as applied") { kind, value, scope, target };
        options.AddControlOptions(set);
        set.SetAction(async (parseResult, cancellationToken) =>
        {
            EngineConfig? config = options.Resolve(parseResult);
            if (config is null)
            {
                return ExitCodes.BadUsage;
            }

            string valueText = parseResult.GetValue(value)!;
            if (!decimal.TryParse(valueText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal number))
            {
                Console.Error.WriteLine($"llt limits set: '{valueText}' is not a number");
                return ExitCodes.BadUsage;
            }

            LimitRequest? request = LimitRequest.TryResolve(parseResult.GetValue(kind)!, parseResult.GetValue(scope)!, parseResult.GetValue(target), number, config, out string? error);
            if (request is null)
            {
                Console.Error.WriteLine($"llt limits set: {error}");
                return ExitCodes.BadUsage;
            }

            var client = new EngineControlClient(config, EngineControlClient.CliSource());
            ControlOutcome outcome = await client.SetLimitAsync(request, TimeSpan.FromMilliseconds(parseResult.GetValue(options.TimeoutMs)), cancellationToken).ConfigureAwait(false);
            return EngineOptions.Report(outcome, request.ToString());
        });
        return set;
    }

    private static void WriteLimits(Utf8JsonWriter json, string name, IEnumerable<LimitRow> rows)
    {
        json.WriteStartArray(name);
        foreach (LimitRow l in rows)
        {
            json.WriteStartObject();
            json.WriteString("kind", l.Kind.Name);
            json.WriteString("scope", LimitScopeName.Of(l.Scope));
            json.WriteString("target", l.Target);
            if (l.Value is decimal v)
            {
                json.WriteNumber("value", v);
            }
            else
            {
                json.WriteNull("value");
            }

            json.WriteString("unit", l.Kind.UnitText);
            json.WriteNumber("raw", l.RawValue);
            json.WriteString("source", l.Source);
            json.WriteNumber("sequence", l.Sequence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteLimitsText(IEnumerable<LimitRow> rows)
    {
        foreach (LimitRow l in rows)
        {
            string target = l.Target is null ? "portfolio" : $"{LimitScopeName.Of(l.Scope)} {l.Target}";
            string from = l.Sequence == 0 ? l.Source : $"{l.Source}, journal seq {l.Sequence}";
            Console.Out.WriteLine($"  {l.Kind.Name,-14} {target,-28} {Money.Format(l.Value),14}  {l.Kind.UnitText}  ({from})");
        }
    }
}
