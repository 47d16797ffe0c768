using Llt.Hotpath.Config;
using Llt.Shell.Hosting;
using Microsoft.Extensions.Configuration;

namespace Llt.Shell.Configuration;

/// <summary>
/// Everything the shell runs on, read and validated once: llt.json (engine part and shell sections), the
/// layered settings (.env and environment), the typed <see cref="PlatformSettings"/>, the limits to apply at
/// engine start, and the problems found. Use <see cref="PlatformConfigurationLoader"/> to build one.
/// </summary>
public sealed class PlatformConfiguration
{
    internal PlatformConfiguration(PlatformConfigFile? file, LayeredSettings settings, PlatformSettings? typed,
        IReadOnlyList<LimitRequest> startupLimits, IReadOnlyList<SettingProblem> problems, string? dotEnvPath)
    {
        File = file;
        Settings = settings;
        Typed = typed;
        StartupLimits = startupLimits;
        Problems = problems;
        DotEnvPath = dotEnvPath;
    }

    /// <summary>Null only when llt.json itself could not be read (see <see cref="Problems"/>).</summary>
    public PlatformConfigFile? File { get; }

    public LayeredSettings Settings { get; }

    /// <summary>Null when any setting is invalid.</summary>
    public PlatformSettings? Typed { get; }

    /// <summary>Limits from llt.json's <c>risk.limits</c> then the risk environment variables, in the order they are applied.</summary>
    public IReadOnlyList<LimitRequest> StartupLimits { get; }

    public IReadOnlyList<SettingProblem> Problems { get; }

    /// <summary>The .env file read, or null when there was none.</summary>
    public string? DotEnvPath { get; }

    public bool IsValid => Problems.Count == 0 && File is not null && Typed is not null;

    public EngineConfig Engine => File?.Engine ?? throw new InvalidOperationException("llt.json could not be read");

    public PlatformSettings Platform => Typed ?? throw new InvalidOperationException("the configuration is invalid: " + string.Join("; ", Problems));

    /// <summary>
    /// The configuration the journal sinks and other services read: <c>sinks:…</c> from llt.json, every layered
    /// setting by its environment name (.env included, the real environment winning), and the engine's files as
    /// <c>llt:engineName</c>, <c>llt:journalDirectory</c>, <c>llt:shmDirectory</c>.
    /// </summary>
    public IConfiguration ToConfiguration()
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (File is not null)
        {
            foreach ((string key, string? value) in File.SinkValues)
            {
                values[key] = value;
            }

            values[EngineFilesKeys.EngineName] = File.Engine.Name;
            values[EngineFilesKeys.JournalDirectory] = Path.GetFullPath(File.Engine.Journal.Directory);
            values[EngineFilesKeys.ShmDirectory] = File.Engine.EngineShmDirectory;
        }

        foreach ((string key, SettingValue value) in Settings.Values)
        {
            values[key] = value.Value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
