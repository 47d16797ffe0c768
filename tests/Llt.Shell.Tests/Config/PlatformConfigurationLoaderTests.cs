using Llt.Shell.Configuration;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Tests.Config;

public sealed class PlatformConfigurationLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("llt-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private PlatformConfiguration Load(string json, Dictionary<string, string> environment)
    {
        string path = Path.Combine(_dir, "llt.json");
        File.WriteAllText(path, json);
        string envFile = Path.Combine(_dir, "empty.env");
        File.WriteAllText(envFile, "");
        return PlatformConfigurationLoader.Load(path, envFile, environment);
    }

    [Fact]
    public void Debug_LowersTheLogLevel_UnlessLogLevelIsSet()
    {
        Assert.Equal(LogLevel.Debug, Load("{}", new() { ["DEBUG"] = "true" }).Platform.Log.Level);
        Assert.Equal(LogLevel.Warning, Load("{}", new() { ["DEBUG"] = "true", ["LOG_LEVEL"] = "warn" }).Platform.Log.Level);
        Assert.True(Load("{}", new() { ["LOG_FORMAT"] = "JSON" }).Platform.Log.Json);
    }

    [Fact]
    public void SinksAreOn_OnlyWhenTheirServerIsConfigured()
    {
        PlatformSettings none = Load("{}", new()).Platform;
        Assert.False(none.Postgres.Enabled || none.Redis.Enabled || none.Mongo.Enabled || none.Kafka.Enabled);

        PlatformSettings some = Load("""{ "shell": { "REDIS_HOST": "127.0.0.1" } }""", new() { ["KAFKA_BOOTSTRAP_SERVERS"] = "127.0.0.1:9092,127.0.0.1:9093" }).Platform;
        Assert.True(some.Redis.Enabled);
        Assert.True(some.Kafka.Enabled);
        Assert.False(some.Postgres.Enabled);
    }

    [Fact]
    public void Problems_NameEachKey_AndAllAreReportedAtOnce()
    {
        PlatformConfiguration loaded = Load("""{ "shell": { "NOT_A_SETTING": 1 } }""", new());
        Assert.False(loaded.IsValid);
        Assert.Contains(loaded.Problems, p => p.Key.EndsWith("shell.NOT_A_SETTING", StringComparison.Ordinal));

        PlatformConfiguration bad = Load("{}", new()
        {
            ["KAFKA_BOOTSTRAP_SERVERS"] = "localhost",
            ["LLT_RESTART_MIN_DELAY"] = "10s",
            ["LLT_RESTART_MAX_DELAY"] = "1s",
            ["HEALTH_HOST"] = "example.com",
            ["MAX_POSITION_SIZE"] = "1.5",
        });
        string[] keys = [.. bad.Problems.Select(p => p.Key)];
        Assert.Contains("KAFKA_BOOTSTRAP_SERVERS", keys);
        Assert.Contains("LLT_RESTART_MAX_DELAY", keys);
        Assert.Contains("HEALTH_HOST", keys);
        Assert.Contains("MAX_POSITION_SIZE", keys);
        Assert.Null(bad.Typed);
    }

    [Fact]
    public void LltJsonWithShellSections_GivesTheEngineItsSectionsOnly()
    {
        PlatformConfiguration loaded = Load("""
            { "engine": { "name": "e1" }, "shell": { "HEALTH_PORT": 0 }, "sinks": { "batchSize": 500 } }
            """, new());

        Assert.True(loaded.IsValid, string.Join("; ", loaded.Problems));
        Assert.Equal("e1", loaded.Engine.Name);
        Assert.False(loaded.Platform.Health.Enabled);
        Assert.DoesNotContain("shell", loaded.File!.EngineJson);
        Assert.DoesNotContain("sinks", loaded.File.EngineJson);
        Assert.Equal("500", loaded.File.SinkValues["sinks:batchSize"]);
    }
}
