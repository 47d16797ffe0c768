namespace Llt.Shell.Api;

/// <summary>How <see cref="TradingPlatform.StartAsync"/> starts the platform: the same inputs as `llt run`.</summary>
public sealed record PlatformStartOptions
{
    /// <summary>llt.json; null = ./llt.json when present, else the embedded defaults.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>A .env file; null = ./.env when present.</summary>
    public string? DotEnvPath { get; init; }

    /// <summary>Environment the settings are read from (ALPACA_*, POSTGRES_*, ...); null = this process's.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>How long to wait for the engine to be up.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long each control command may wait for the engine's confirmation.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
