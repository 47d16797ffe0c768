using System.CommandLine;
using Llt.Hotpath.Config;
using Llt.Hotpath.Feeds.Publishing;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Runtime;
using Llt.Shell.Hosting;

namespace Llt.Shell.Commands.Feed;

/// <summary>
/// <c>llt feed replay FILE --format itch50|iex-tops|iex-deep [--speed 1x|10x|max] [--feed-id N] [--date yyyy-MM-dd]</c>:
/// feeds a capture into the running engine's md.ring through the same handlers the engine's own replay feed uses
/// (ITCH 5.0 over MoldUDP64 or raw, IEX-TP), at the recorded pace × speed or as fast as md.ring drains. Prints what
/// was published, skipped and found damaged. Exit 0 when the file was replayed, 1 when it could not be read, 2 for
/// bad arguments, 3 when no engine runs.
/// </summary>
internal static class FeedReplayCommand
{
    public static Command Create()
    {
        var options = new EngineOptions();
        var format = new Option<string>("--format") { Required = true, Description = "itch50, iex-tops or iex-deep" };
        format.AcceptOnlyFromAmong("itch50", "iex-tops", "iex-deep");
        var speed = new Option<string>("--speed") { Description = "1x (recorded pace, default), Nx (N times faster) or max", DefaultValueFactory = _ => "1x" };
        var feedId = new Option<int>("--feed-id") { Description = "feedId stamped on the ticks (failover tells feeds apart by it)", DefaultValueFactory = _ => 1 };
        var date = new Option<string>("--date") { Description = "trading day of an ITCH file (its timestamps count from midnight); default today" };
        var file = new Argument<string>("file") { Description = "pcap, pcapng or raw ITCH file" };
        var command = new Command("replay", "feed a capture into the running engine's md.ring");
        command.Options.Add(options.Config);
        command.Options.Add(options.Engine);
        command.Options.Add(format);
        command.Options.Add(speed);
        command.Options.Add(feedId);
        command.Options.Add(date);
        command.Arguments.Add(file);
        command.SetAction((parseResult, cancellationToken) =>
        {
            EngineConfig? config = options.Resolve(parseResult);
            if (config is null)
            {
                return Task.FromResult(ExitCodes.BadUsage);
            }

            string speedText = parseResult.GetValue(speed) ?? "1x";
            bool paced = speedText != "max";
            double factor = 1.0;
            if (paced && !(speedText.EndsWith('x') && double.TryParse(speedText[..^1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out factor) && factor > 0))
            {
                Console.Error.WriteLine($"error: --speed '{speedText}' is not 1x, Nx or max");
                return Task.FromResult(ExitCodes.BadUsage);
            }

            int id = parseResult.GetValue(feedId);
            if (id is < 0 or > 253)
            {
                Console.Error.WriteLine("error: --feed-id must be 0..253");
                return Task.FromResult(ExitCodes.BadUsage);
            }

            DateOnly day = DateOnly.FromDateTime(DateTime.UtcNow);
            if (parseResult.GetValue(date) is string dateText && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", out day))
            {
                Console.Error.WriteLine($"error: --date '{dateText}' is not yyyy-MM-dd");
                return Task.FromResult(ExitCodes.BadUsage);
            }

            string path = parseResult.GetValue(file)!;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"error: cannot read {path}");
                return Task.FromResult(ExitCodes.Failed);
            }

            if (!EngineLiveness.IsRunning(config, out string? why))
            {
                Console.Error.WriteLine($"no engine '{config.Name}' running: {why}");
                return Task.FromResult(ExitCodes.NoEngine);
            }

            var replay = new CaptureReplayOptions
            {
                Path = path,
                Protocol = parseResult.GetValue(format) == "itch50" ? CaptureProtocol.Itch50 : CaptureProtocol.Iex,
                FeedId = (byte)id,
                Paced = paced,
                Speed = factor,
                BatchLimit = 64,
                SessionDateEpochNs = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000,
            };
            return Task.FromResult(Replay(config, replay, cancellationToken));
        });
        return command;
    }

    private static int Replay(EngineConfig config, CaptureReplayOptions options, CancellationToken cancellationToken)
    {
        using RingBufferFile ringFile = RingBufferFile.Open(config.MdRingPath);
        var ring = new ManyToOneRingBuffer(ringFile.Buffer);
        CaptureReplayAgent agent;
        try
        {
            agent = new CaptureReplayAgent(options, ring, [.. config.Instruments.Select(i => i.Symbol)], SystemNanoClock.Instance);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }

        using (agent)
        {
            // waiting on the recorded pace or a full md.ring: spin, yield, then park up to 1 ms, never spin without end
            IIdleStrategy idle = new BackoffIdleStrategy(maxParkPeriodNs: 1_000_000);
            while (!agent.IsFinished && !cancellationToken.IsCancellationRequested)
            {
                idle.Idle(agent.DoWork());
            }

            long published = agent.Itch.Published + agent.Iex.Published;
            long skipped = agent.Itch.Skipped + agent.Iex.Skipped;
            long malformed = agent.Itch.Malformed + agent.Iex.Malformed;
            Console.WriteLine($"replayed {agent.Packets:N0} packets into {config.MdRingPath}: {published:N0} ticks published, {skipped:N0} for symbols the engine does not trade, " +
                $"{malformed:N0} malformed, {agent.Damaged:N0} damaged, {agent.Gaps:N0} gaps ({agent.GapMessages:N0} messages), {agent.Recovered:N0} messages recovered from the other line, {agent.Duplicates:N0} duplicate messages{(agent.IsFinished ? "" : " (interrupted)")}");
            return ExitCodes.Ok;
        }
    }
}
