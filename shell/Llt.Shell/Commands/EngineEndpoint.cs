using Llt.Hotpath.Config;

namespace Llt.Shell.Commands;

/// <summary>
/// Where a running engine's files are, resolved the way the engine resolves them: from the same llt.json
/// (<c>--config</c>, else ./llt.json when present, else the embedded defaults), optionally overriding the
/// engine name. The CLI talks to the engine only through these files (rings, counters, journal).
/// </summary>
internal sealed class EngineEndpoint
{
    private EngineEndpoint(EngineConfig config, string? source)
    {
        Config = config;
        Source = source;
    }

    public EngineConfig Config { get; }

    public string? Source { get; }

    public static EngineEndpoint Resolve(string? configPath, string? engineName)
    {
        string? path = configPath;
        if (path is null && File.Exists("llt.json"))
        {
            path = "llt.json";
        }

        // through the platform loader: llt.json may carry the shell's sections (shell, risk, sinks), which the engine's loader refuses
        EngineConfig config = Llt.Shell.Configuration.PlatformConfigFile.Load(path).Engine;
        if (!string.IsNullOrEmpty(engineName))
        {
            config = config with { Name = engineName };
        }

        return new EngineEndpoint(EngineConfigLoader.Validate(config), path);
    }
}
