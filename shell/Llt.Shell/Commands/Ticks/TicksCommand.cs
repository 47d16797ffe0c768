using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Llt.Shell.Configuration;
using Llt.Shell.Sinks.Mongo;
using MongoDB.Driver;

namespace Llt.Shell.Commands.Ticks;

/// <summary>
/// `llt ticks SYMBOL --from T [--to T] [--json] [--limit N]`: the quotes and trades the MongoDB sink stored for one
/// symbol in [from, to), oldest first. Server from MONGO_HOST/MONGO_PORT/MONGO_DB (environment, .env, llt.json
/// shell section). Exit 2 for bad arguments or configuration, 1 when the server cannot be reached.
/// </summary>
internal static class TicksCommand
{
    public const int DefaultLimit = 10_000;

    public static Command Create()
    {
        var symbol = new Argument<string>("symbol") { Description = "Instrument symbol, e.g. AAPL" };
        var from = new Option<string>("--from") { Description = "Start (inclusive): ISO 8601 date/time, UTC unless it has an offset, or 'now'", Required = true };
        var to = new Option<string>("--to") { Description = "End (exclusive), same forms; default now", DefaultValueFactory = _ => "now" };
        var limit = new Option<int>("--limit") { Description = "At most this many ticks", DefaultValueFactory = _ => DefaultLimit };
        var json = new Option<bool>("--json") { Description = "Print as a JSON array" };
        var config = new Option<string>("--config") { Description = "llt.json (default: ./llt.json if present, else embedded defaults)" };
        var envFile = new Option<string>("--env-file") { Description = "The .env file (default: ./.env if present)" };
        var command = new Command("ticks", "Quotes and trades of one symbol from the MongoDB tick store (MONGO_HOST/PORT/DB)")
        {
            symbol, from, to, limit, json, config, envFile,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            string fromText = parseResult.GetValue(from)!;
            string toText = parseResult.GetValue(to)!;
            if (!TickTimeParser.TryParse(fromText, now, out DateTimeOffset start))
            {
                return Fail(ExitCodes.BadUsage, $"--from: '{fromText}' is not an ISO 8601 date/time (e.g. 2026-11-24T14:30:00Z) or 'now'");
            }

            if (!TickTimeParser.TryParse(toText, now, out DateTimeOffset end))
            {
                return Fail(ExitCodes.BadUsage, $"--to: '{toText}' is not an ISO 8601 date/time (e.g. 2026-11-24T15:00:00Z) or 'now'");
            }

            if (end <= start)
            {
                return Fail(ExitCodes.BadUsage, $"--to ({end:O}) must be after --from ({start:O})");
            }

            int max = parseResult.GetValue(limit);
            if (max < 1)
            {
                return Fail(ExitCodes.BadUsage, $"--limit: {max} must be at least 1");
            }

            string name = parseResult.GetValue(symbol)!.Trim();
            if (name.Length == 0)
            {
                return Fail(ExitCodes.BadUsage, "SYMBOL must not be empty");
            }

            PlatformConfiguration loaded = PlatformConfigurationLoader.Load(
                parseResult.GetValue(config), parseResult.GetValue(envFile), LayeredSettings.ProcessEnvironment());
            if (loaded.Typed is not PlatformSettings settings)
            {
                foreach (SettingProblem problem in loaded.Problems)
                {
                    Console.Error.WriteLine($"llt ticks: {problem}");
                }

                return ExitCodes.BadUsage;
            }

            if (!settings.Mongo.Enabled)
            {
                return Fail(ExitCodes.BadUsage, "MONGO_HOST is not set: the tick store's server is unknown (set MONGO_HOST, MONGO_PORT, MONGO_DB)");
            }

            MongoStoreOptions options;
            try
            {
                options = MongoSinkRegistration.Options(loaded);
            }
            catch (ArgumentException ex)
            {
                return Fail(ExitCodes.BadUsage, ex.Message);
            }

            List<TickRow> rows;
            try
            {
                rows = await TickQuery.RunAsync(options, name, start, end, max, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MongoException or TimeoutException)
            {
                return Fail(ExitCodes.Failed, $"cannot read ticks from MongoDB at {options.Describe()}: {MongoFailure.Describe(ex, options.TimeoutMilliseconds)} - check MONGO_HOST/MONGO_PORT");
            }

            if (parseResult.GetValue(json))
            {
                WriteJson(rows, Console.OpenStandardOutput());
            }
            else
            {
                WriteText(rows, Console.Out);
            }

            if (rows.Count == max)
            {
                Console.Error.WriteLine($"llt ticks: stopped at --limit {max}; narrow --from/--to or raise --limit for the rest");
            }
            else if (rows.Count == 0)
            {
                Console.Error.WriteLine($"llt ticks: no ticks for {name} in [{start:O}, {end:O})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void WriteText(IReadOnlyList<TickRow> rows, TextWriter output)
    {
        foreach (TickRow r in rows)
        {
            string time = Time(r.TimestampNs);
            string detail = r.Type == MongoTickFields.QuoteType
                ? $"bid {Number(r.Bid)} x {r.BidSize}  ask {Number(r.Ask)} x {r.AskSize}"
                : $"{Number(r.Price)} x {r.Size}  {r.Aggressor}";
            output.WriteLine($"{time}  {r.Type,-5}  {r.Symbol}  {detail}  seq {r.Sequence}");
        }
    }

    internal static void WriteJson(IReadOnlyList<TickRow> rows, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (TickRow r in rows)
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", r.Sequence);
            json.WriteString("time", Time(r.TimestampNs));
            json.WriteNumber("timestampNs", r.TimestampNs);
            json.WriteString("symbol", r.Symbol);
            json.WriteString("type", r.Type);
            if (r.Type == MongoTickFields.QuoteType)
            {
                WriteNumber(json, "bid", r.Bid);
                WriteNumber(json, "bidSize", r.BidSize);
                WriteNumber(json, "ask", r.Ask);
                WriteNumber(json, "askSize", r.AskSize);
            }
            else
            {
                WriteNumber(json, "price", r.Price);
                WriteNumber(json, "size", r.Size);
                json.WriteString("aggressor", r.Aggressor);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.Flush();
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is decimal d)
        {
            json.WriteNumber(name, d);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is long l)
        {
            json.WriteNumber(name, l);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>UTC with nanoseconds: the journal keeps them, and ticks within one millisecond must stay apart.</summary>
    private static string Time(long timestampNs)
    {
        DateTime seconds = DateTime.UnixEpoch.AddSeconds(Math.Floor(timestampNs / 1e9));
        long nanos = timestampNs - (long)Math.Floor(timestampNs / 1e9) * 1_000_000_000L;
        return seconds.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "." + nanos.ToString("D9", CultureInfo.InvariantCulture) + "Z";
    }

    private static string Number(decimal? value) => value is decimal d ? d.ToString(CultureInfo.InvariantCulture) : "-";

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine("llt ticks: " + message);
        return code;
    }
}
