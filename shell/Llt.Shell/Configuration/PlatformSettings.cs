using Llt.Hotpath.Runtime;

namespace Llt.Shell.Configuration;

/// <summary>The shell's settings, typed and validated once at start (STYLE.md §6); read by <see cref="PlatformSettingsReader"/>.</summary>
/// <param name="ShellCpus">LLT_SHELL_CPUS: the CPUs `llt run` confines its threads to (empty: not confined).</param>
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
    SupervisorSettings Supervisor,
    CpuSet ShellCpus);
