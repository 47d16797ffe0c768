using System.Text;
using Confluent.Kafka;
using Llt.Hotpath.Config;
using Llt.Shell.Sinks.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace Llt.Integration.Tests.Kafka;

/// <summary>A topic prefix and sink name of its own for one test, and a plain read_committed consumer to read what the sink published.</summary>
public sealed class KafkaTestTopics
{
    public KafkaTestTopics(string bootstrapServers, string journalDirectory, KafkaValueFormat format = KafkaValueFormat.Sbe)
    {
        string id = Guid.NewGuid().ToString("N")[..12];
        Options = new KafkaStoreOptions
        {
            BootstrapServers = bootstrapServers,
            SinkName = "kafka-" + id,
            TopicPrefix = "t" + id + ".",
            Format = format,
            JournalDirectory = journalDirectory,
            TimeoutMilliseconds = 3000,
            Instruments = EngineConfig.DefaultInstruments(),
        };
    }

    public KafkaStoreOptions Options { get; }

    public KafkaTopics Topics => Options.Topics;

    public KafkaEventStore Store() => new(Options, NullLogger<KafkaEventStore>.Instance);

    /// <summary>Every record of the topic from the start to the end of each partition (by default only committed ones).</summary>
    public List<ConsumeResult<byte[], byte[]>> ReadAll(string topic, IsolationLevel isolation = IsolationLevel.ReadCommitted)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = Options.BootstrapServers,
            GroupId = "llt-test-" + Guid.NewGuid().ToString("N"),
            IsolationLevel = isolation,
            EnableAutoCommit = false,
            EnablePartitionEof = true,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
        using IConsumer<byte[], byte[]> consumer = new ConsumerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
        using IAdminClient admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        Metadata metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
        var partitions = metadata.Topics.Single().Partitions.Select(p => new TopicPartitionOffset(topic, p.PartitionId, Offset.Beginning)).ToList();
        Assert.NotEmpty(partitions);
        consumer.Assign(partitions);
        var records = new List<ConsumeResult<byte[], byte[]>>();
        var atEnd = new HashSet<int>();
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (atEnd.Count < partitions.Count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"reading {topic} did not reach the end of every partition");
            ConsumeResult<byte[], byte[]>? result = consumer.Consume(TimeSpan.FromMilliseconds(500));
            if (result is null)
            {
                continue;
            }

            if (result.IsPartitionEOF)
            {
                atEnd.Add(result.Partition.Value);
                continue;
            }

            records.Add(result);
        }

        return records;
    }

    public static string Header(ConsumeResult<byte[], byte[]> record, string name) =>
        Encoding.ASCII.GetString(record.Message.Headers.GetLastBytes(name));
}
