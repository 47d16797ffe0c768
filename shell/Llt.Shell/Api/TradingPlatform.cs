using Llt.Hotpath.Config;
using Llt.Shell.Commands;
using Llt.Shell.Configuration;
using Llt.Shell.Hosting;
using Llt.Shell.Run;
using Microsoft.Extensions.Hosting;

namespace Llt.Shell.Api;

/// <summary>
/// The platform for scripts and notebooks: the same host as `llt run` (engine supervised, sinks and adapters on
/// as configured, /health and /metrics), started from C# and operated through properties. See docs/API.md.
/// <code>
/// await using TradingPlatform platform = await TradingPlatform.StartAsync(new PlatformStartOptions { ConfigPath = "llt.json" });
/// platform.Risk.SetPositionLimit("AAPL", 5000);
/// RiskMetrics? metrics = platform.Risk.GetRiskMetrics();
/// </code>
/// </summary>
public sealed class TradingPlatform : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _temporaryConfig;

    private TradingPlatform(IHost host, EngineConfig engine, EngineControlClient control, TimeSpan commandTimeout, string? temporaryConfig)
    {
        _host = host;
        _temporaryConfig = temporaryConfig;
        Engine = engine;
        Control = control;
        Risk = new RiskControls(engine, control, commandTimeout);
    }

    /// <summary>The engine's configuration as the platform concluded it.</summary>
    public EngineConfig Engine { get; }

    public RiskControls Risk { get; }

    /// <summary>Every control command (kill switch, strategies, venues) with the engine's confirmation.</summary>
    public EngineControlClient Control { get; }

    /// <summary>True while the engine process is up and beating.</summary>
    public bool IsEngineRunning => EngineLiveness.IsRunning(Engine, out _);

    /// <summary>
    /// Starts the platform and returns once the engine is up. Bad configuration throws <see cref="PlatformException"/>
    /// naming the key; an engine that does not come up within <see cref="PlatformStartOptions.StartTimeout"/> too.
    /// </summary>
    public static async Task<TradingPlatform> StartAsync(PlatformStartOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        PlatformConfiguration loaded = PlatformConfigurationLoader.Load(options.ConfigPath, options.DotEnvPath, options.Environment ?? LayeredSettings.ProcessEnvironment());
        if (!loaded.IsValid)
        {
            throw new PlatformException(string.Join("; ", loaded.Problems));
        }

        if (EngineLiveness.IsRunning(loaded.Engine, out _))
        {
            throw new PlatformException($"engine '{loaded.Engine.Name}' is already running; stop it or give this platform another engine.name");
        }

        string? engineConfig = RunCommand.EngineConfigFile(loaded.File!, out bool temporary);
        EngineLaunch launch = EngineLaunch.Resolve(loaded.Platform.Supervisor.EnginePath, engineConfig is null ? [] : ["--config", engineConfig], out string? launchError)
            ?? throw new PlatformException(launchError ?? "llt-engine not found");
        var context = new RunContext(loaded, loaded.Engine, launch, PlatformHost.LastJournalSequence(loaded.Engine.Journal.Directory),
            Duration: null, LiveView: false, PlainViewInterval: TimeSpan.FromHours(1));
        IHost host = PlatformHost.Build(context);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        var platform = new TradingPlatform(host, loaded.Engine, new EngineControlClient(loaded.Engine, "api:" + Environment.UserName), options.CommandTimeout,
            temporary ? engineConfig : null);
        DateTime deadline = DateTime.UtcNow + options.StartTimeout;
        // up = beating and journaling: commands are confirmed through the journal, so it must exist first
        while (!platform.IsEngineRunning || !HasJournal(loaded.Engine.Journal.Directory))
        {
            if (DateTime.UtcNow > deadline)
            {
                await platform.DisposeAsync().ConfigureAwait(false);
                throw new PlatformException($"engine '{loaded.Engine.Name}' did not come up within {options.StartTimeout}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        return platform;
    }

    private static bool HasJournal(string directory) =>
        Directory.Exists(directory) && Llt.Hotpath.Journal.JournalDirectory.ListSegmentIndices(directory).Count > 0;

    /// <summary>Stops everything: the engine first (SIGTERM, journaled), then the sinks drain.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _host.Dispose();
            if (_temporaryConfig is not null)
            {
                File.Delete(_temporaryConfig);
            }
        }
    }
}
