namespace Llt.Shell.Configuration;

/// <summary>The shell's settings, typed and validated once at start (STYLE.md §6); read by <see cref="PlatformSettingsReader"/>.</summary>
public sealed record PlatformSettings(
    string EnvironmentName,
    bool Debug,
    PostgresSettings Postgres,
    RedisSettings Redis,
    MongoSettings Mongo,
    KafkaSettings Kafka,
    AlpacaSettings Alpaca,
    RiskEnvSettings Risk,
    LogSettings Log,
    HealthSettings Health,
    AlertSettings Alerts,
    SupervisorSettings Supervisor);
