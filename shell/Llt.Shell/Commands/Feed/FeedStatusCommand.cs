using System.CommandLine;
using System.Text.Json;
using Llt.Hotpath.Config;
using Llt.Hotpath.Counters;
using Llt.Sbe;
using Llt.Shell.Hosting;

namespace Llt.Shell.Commands.Feed;

/// <summary>
/// <c>llt feed status</c>: the running engine's view of its market data feeds, read from its counters (never from
/// a database): each configured feed's state (unseen, healthy, stale, gapped, down), messages and silence, how many
/// instrument switches failover made and how many standby ticks it set aside, plus the md totals; and the newest
/// switches themselves (<c>--switches N</c>, default 10) from the engine's journal: when, which instrument, from which
/// feed in which state to which. Exit 0 when every feed is healthy (or failover is off), 1 when one is not, 3 when no
/// engine runs.
/// </summary>
internal static class FeedStatusCommand
{
    private const int StateTypeBase = 540;
    private const int MessagesTypeBase = 560;
    private const int SilenceTypeBase = 580;
    private const int SwitchesType = 538;
    private const int StandbyType = 539;

    public static Command Create()
    {
        var options = new EngineOptions();
        var command = new Command("status", "feeds of the running engine: state, messages, silence, failover switches");
        options.AddReadOptions(command);
        var recent = new Option<int>("--switches") { Description = "newest failover switches to list from the journal (0: none)", DefaultValueFactory = _ => 10 };
        command.Options.Add(recent);
        command.SetAction(parseResult =>
        {
            EngineConfig? config = options.Resolve(parseResult);
            if (config is null)
            {
                return ExitCodes.BadUsage;
            }

            if (!EngineLiveness.IsRunning(config, out string? why) || !CountersReader.TryOpen(config.CountersPath, out CountersReader? reader, out _))
            {
                Console.Error.WriteLine($"no engine '{config.Name}' running: {why}");
                return ExitCodes.NoEngine;
            }

            FeedRow[] feeds;
            long switches, standby, quotes, trades, bookUpdates, rejected;
            using (reader)
            {
                feeds = ReadFeeds(reader);
                switches = Value(reader, SwitchesType);
                standby = Value(reader, StandbyType);
                quotes = Value(reader, 110);
                trades = Value(reader, 111);
                bookUpdates = Value(reader, 112);
                rejected = Value(reader, 102);
            }

            IReadOnlyList<FeedSwitchRow> history = FeedSwitchHistory.Last(config.Journal.Directory, Math.Max(0, parseResult.GetValue(recent)), out string? historyError);
            if (parseResult.GetValue(options.Json))
            {
                using var w = new Utf8JsonWriter(Console.OpenStandardOutput(), new JsonWriterOptions { Indented = true });
                w.WriteStartObject();
                w.WriteString("engine", config.Name);
                w.WriteBoolean("failover", feeds.Length > 0);
                w.WriteStartArray("feeds");
                foreach (FeedRow feed in feeds)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", feed.Id);
                    w.WriteString("name", feed.Name);
                    w.WriteString("state", feed.State.ToString().ToLowerInvariant());
                    w.WriteNumber("messages", feed.Messages);
                    w.WriteNumber("silenceMs", feed.SilenceMs);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteNumber("switches", switches);
                w.WriteNumber("standbyTicks", standby);
                w.WriteNumber("quotes", quotes);
                w.WriteNumber("trades", trades);
                w.WriteNumber("bookUpdates", bookUpdates);
                w.WriteNumber("rejected", rejected);
                w.WriteStartArray("recentSwitches");
                foreach (FeedSwitchRow row in history)
                {
                    w.WriteStartObject();
                    w.WriteNumber("sequence", row.Sequence);
                    w.WriteNumber("ts", row.TsNs);
                    w.WriteString("time", FeedSwitchHistory.Iso(row.TsNs));
                    w.WriteNumber("instrumentId", row.InstrumentId);
                    w.WriteString("symbol", FeedSwitchHistory.SymbolOf(row.InstrumentId, config));
                    w.WriteNumber("fromFeed", row.FromFeedId);
                    w.WriteString("fromState", row.FromState.ToString().ToLowerInvariant());
                    w.WriteNumber("toFeed", row.ToFeedId);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (historyError is not null)
                {
                    w.WriteString("journalError", historyError);
                }

                w.WriteEndObject();
            }
            else
            {
                Console.WriteLine($"engine {config.Name}: quotes {quotes:N0}, trades {trades:N0}, book updates {bookUpdates:N0}, rejected {rejected:N0}");
                if (feeds.Length == 0)
                {
                    Console.WriteLine("failover off (no feeds list in llt.json): every feed's ticks apply");
                }
                else
                {
                    Console.WriteLine($"{"feed",-4} {"name",-16} {"state",-8} {"messages",14} {"silence",10}");
                    foreach (FeedRow feed in feeds)
                    {
                        string silence = feed.SilenceMs < 0 ? "never" : $"{feed.SilenceMs} ms";
                        Console.WriteLine($"{feed.Id,-4} {feed.Name,-16} {feed.State.ToString().ToLowerInvariant(),-8} {feed.Messages,14:N0} {silence,10}");
                    }

                    Console.WriteLine($"failover: {switches:N0} instrument switches, {standby:N0} standby ticks set aside");
                }

                foreach (FeedSwitchRow row in history)
                {
                    Console.WriteLine("  " + FeedSwitchHistory.Describe(row, config));
                }

                if (historyError is not null)
                {
                    Console.Error.WriteLine($"switch history unavailable: {historyError}");
                }
            }

            bool degraded = Array.Exists(feeds, f => f.State != FeedState.Healthy);
            return degraded ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private readonly record struct FeedRow(int Id, string Name, FeedState State, long Messages, long SilenceMs);

    private static FeedRow[] ReadFeeds(CountersReader reader)
    {
        var rows = new List<FeedRow>();
        for (int line = 0; line < EngineConfigLoader.MaxFeedLines; line++)
        {
            int stateId = Find(reader, StateTypeBase + line);
            if (stateId < 0)
            {
                break;
            }

            // label: "feed <id> <name>: state (...)"
            string label = reader.CounterLabel(stateId);
            string[] words = label.Split(' ', 3);
            int colon = words.Length == 3 ? words[2].IndexOf(':', StringComparison.Ordinal) : -1;
            int id = words.Length == 3 && int.TryParse(words[1], out int parsed) ? parsed : -1;
            string name = colon > 0 ? words[2][..colon] : label;
            rows.Add(new FeedRow(id, name, (FeedState)reader.CounterValue(stateId), Value(reader, MessagesTypeBase + line), Value(reader, SilenceTypeBase + line)));
        }

        return [.. rows];
    }

    private static int Find(CountersReader reader, int typeId)
    {
        for (int id = 0; id < reader.MaxCounters; id++)
        {
            if (reader.CounterState(id) == CountersDescriptor.RecordAllocated && reader.CounterTypeId(id) == typeId)
            {
                return id;
            }
        }

        return -1;
    }

    private static long Value(CountersReader reader, int typeId)
    {
        int id = Find(reader, typeId);
        return id < 0 ? 0 : reader.CounterValue(id);
    }
}
