using System.CommandLine;
using Llt.Hotpath.Config;
using Llt.Shell.Configuration;
using Llt.Shell.Hosting;

namespace Llt.Shell.Commands;

/// <summary>
/// The options every ops command shares: which engine (<c>--config</c>, <c>--engine</c>) and <c>--json</c> for read
/// commands. The engine's files are found from the same llt.json the engine read, shell sections included.
/// </summary>
internal sealed class EngineOptions
{
    public Option<string> Config { get; } = new("--config") { Description = "llt.json (default: ./llt.json if present, else embedded defaults)" };

    public Option<string> Engine { get; } = new("--engine") { Description = "Engine name (overrides the config's engine.name)" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print as JSON" };

    public Option<int> TimeoutMs { get; } = new("--timeout-ms") { Description = "How long to wait for the engine's confirmation", DefaultValueFactory = _ => 5000 };

    public void AddReadOptions(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Engine);
        command.Options.Add(Json);
    }

    public void AddControlOptions(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Engine);
        command.Options.Add(TimeoutMs);
    }

    /// <summary>The engine's configuration, or null after printing the problem (exit 2).</summary>
    public EngineConfig? Resolve(ParseResult parseResult)
    {
        try
        {
            EngineConfig config = PlatformConfigFile.Load(PlatformConfigFile.ResolvePath(parseResult.GetValue(Config))).Engine;
            string? name = parseResult.GetValue(Engine);
            return string.IsNullOrEmpty(name) ? config : EngineConfigLoader.Validate(config with { Name = name });
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"llt: {e.Message}");
            return null;
        }
    }

    /// <summary>Resolves the engine and replays its journal; prints why and sets <paramref name="exitCode"/> when either fails.</summary>
    public JournalProjection? Replay(ParseResult parseResult, out int exitCode, int closedOrderCapacity = 1_000)
    {
        EngineConfig? config = Resolve(parseResult);
        if (config is null)
        {
            exitCode = ExitCodes.BadUsage;
            return null;
        }

        JournalProjection? projection = JournalProjection.Replay(config, out string? error, closedOrderCapacity);
        if (projection is null)
        {
            Console.Error.WriteLine($"llt: {error}");
            exitCode = ExitCodes.NoEngine;
            return null;
        }

        exitCode = ExitCodes.Ok;
        return projection;
    }

    /// <summary>Prints a control command's outcome and maps it to the CLI's exit code.</summary>
    public static int Report(ControlOutcome outcome, string what)
    {
        switch (outcome.Status)
        {
            case ControlStatus.Applied:
                Console.Out.WriteLine($"{what}: {outcome}");
                return ExitCodes.Ok;
            case ControlStatus.Rejected:
                Console.Error.WriteLine($"{what}: {outcome}");
                return ExitCodes.Failed;
            case ControlStatus.NoEngine:
                Console.Error.WriteLine($"{what}: {outcome}");
                return ExitCodes.NoEngine;
            default:
                Console.Error.WriteLine($"{what}: {outcome}");
                return ExitCodes.Timeout;
        }
    }
}
