using System.CommandLine;
using System.Text.Json;
using Llt.Hotpath.Config;
using Llt.Shell.Hosting;

namespace Llt.Shell.Commands;

/// <summary>`llt venue list|up|down`: which venues the router uses, and marking one up or down (VenueControl through cmd.ring, done when journaled).</summary>
internal static class VenueCommands
{
    public static Command Create()
    {
        var venue = new Command("venue", "List venues; mark one up (routable) or down (skipped by the router)");
        venue.Subcommands.Add(CreateList());
        venue.Subcommands.Add(CreateSwitch("up", true));
        venue.Subcommands.Add(CreateSwitch("down", false));
        return venue;
    }

    private static Command CreateList()
    {
        var options = new EngineOptions();
        var list = new Command("list", "Configured venues and whether the router uses them");
        options.AddReadOptions(list);
        list.SetAction(parseResult =>
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
                json.WriteStartArray();
                foreach (VenueRow v in p.Venues)
                {
                    json.WriteStartObject();
                    json.WriteNumber("id", v.VenueId);
                    json.WriteString("name", v.Name);
                    json.WriteBoolean("up", v.Up);
                    json.WriteString("source", v.Source);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                return ExitCodes.Ok;
            }

            foreach (VenueRow v in p.Venues)
            {
                Console.Out.WriteLine($"{v.VenueId,2} {v.Name,-12} {(v.Up ? "up" : "DOWN"),-5}{(v.Sequence == 0 ? "" : $" (by {v.Source}, journal seq {v.Sequence})")}");
            }

            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command CreateSwitch(string name, bool up)
    {
        var options = new EngineOptions();
        var venueName = new Argument<string>("name") { Description = "Venue name from llt.json (e.g. SIM-A)" };
        var command = new Command(name, $"Mark a venue {name} on the running engine") { venueName };
        options.AddControlOptions(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            EngineConfig? config = options.Resolve(parseResult);
            if (config is null)
            {
                return ExitCodes.BadUsage;
            }

            string wanted = parseResult.GetValue(venueName)!;
            int id = -1;
            for (int v = 0; v < config.Venues.Count; v++)
            {
                if (string.Equals(config.Venues[v].Name, wanted, StringComparison.OrdinalIgnoreCase))
                {
                    id = v;
                    break;
                }
            }

            if (id < 0)
            {
                Console.Error.WriteLine($"llt venue {name}: '{wanted}' is not a configured venue ({string.Join(", ", config.Venues.Select(v => v.Name))})");
                return ExitCodes.BadUsage;
            }

            var client = new EngineControlClient(config, EngineControlClient.CliSource());
            ControlOutcome outcome = await client.SetVenueUpAsync(id, up, TimeSpan.FromMilliseconds(parseResult.GetValue(options.TimeoutMs)), cancellationToken).ConfigureAwait(false);
            return EngineOptions.Report(outcome, $"venue {config.Venues[id].Name} {name}");
        });
        return command;
    }
}
