using Llt.Shell.Configuration;
using Llt.Shell.Sinks;
using Llt.Shell.Sinks.Kafka;
using Llt.Shell.Sinks.Mongo;
using Microsoft.Extensions.DependencyInjection;

namespace Llt.Integration.Tests.Kafka;

/// <summary>The Kafka and MongoDB sinks are on exactly when their server is configured, and llt.json's sinks keys are checked by name.</summary>
public sealed class KafkaSinkRegistrationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "llt-kmongo-config-" + Guid.NewGuid().ToString("N"));

    public KafkaSinkRegistrationTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private PlatformConfiguration Load(string sinksJson, Dictionary<string, string> environment)
    {
        string path = Path.Combine(_directory, "llt.json");
        File.WriteAllText(path, "{ \"sinks\": " + sinksJson + " }");
        PlatformConfiguration configuration = PlatformConfigurationLoader.Load(path, null, environment);
        Assert.True(configuration.IsValid, string.Join("; ", configuration.Problems));
        return configuration;
    }

    [Fact]
    public void Both_sinks_are_registered_when_their_servers_are_set_and_read_their_keys()
    {
        PlatformConfiguration configuration = Load(
            "{ \"kafka\": { \"format\": \"json\", \"topicPrefix\": \"desk1.\", \"marketData\": true, \"batchSize\": 5000 }, \"mongo\": { \"ticksCollection\": \"quotes\" } }",
            new Dictionary<string, string> { ["KAFKA_BOOTSTRAP_SERVERS"] = "127.0.0.1:9092", ["MONGO_HOST"] = "127.0.0.1" });
        var services = new ServiceCollection();
        services.AddKafkaSink(configuration).AddMongoSink(configuration);
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IJournalSinkStatusSource)));

        KafkaStoreOptions kafka = KafkaSinkRegistration.Options(configuration);
        Assert.Equal(KafkaValueFormat.Json, kafka.Format);
        Assert.Equal("desk1.orders", kafka.Topics.Orders);
        Assert.True(kafka.MarketData);
        Assert.Equal(5000, KafkaSinkRegistration.SinkOptions(configuration).BatchSize);
        Assert.Equal("quotes", MongoSinkRegistration.Options(configuration).TicksCollection);
    }

    [Fact]
    public void Neither_sink_is_registered_without_its_server()
    {
        PlatformConfiguration configuration = Load("{}", []);
        var services = new ServiceCollection();
        services.AddKafkaSink(configuration).AddMongoSink(configuration);
        Assert.Empty(services);
    }

    [Fact]
    public void The_kafka_sink_batches_whole_transactions_of_its_own_default_size()
    {
        PlatformConfiguration configuration = Load("{ \"batchSize\": 100 }",
            new Dictionary<string, string> { ["KAFKA_BOOTSTRAP_SERVERS"] = "127.0.0.1:9092" });
        Assert.Equal(KafkaSinkRegistration.DefaultBatchSize, KafkaSinkRegistration.SinkOptions(configuration).BatchSize);
        Assert.Equal(100, JournalSinkRegistration.SinkOptions(configuration).BatchSize);

        PlatformConfiguration bad = Load("{ \"kafka\": { \"batchSize\": 0 } }",
            new Dictionary<string, string> { ["KAFKA_BOOTSTRAP_SERVERS"] = "127.0.0.1:9092" });
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddKafkaSink(bad));
        Assert.Contains("sinks:kafka:batchSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_format_is_refused_naming_the_key()
    {
        PlatformConfiguration configuration = Load("{ \"kafka\": { \"format\": \"avro\" } }",
            new Dictionary<string, string> { ["KAFKA_BOOTSTRAP_SERVERS"] = "127.0.0.1:9092" });
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddKafkaSink(configuration));
        Assert.Contains("sinks:kafka:format", error.Message, StringComparison.Ordinal);
        Assert.Contains("avro", error.Message, StringComparison.Ordinal);
    }
}
