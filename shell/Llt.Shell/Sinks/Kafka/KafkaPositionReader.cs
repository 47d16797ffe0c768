using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace Llt.Shell.Sinks.Kafka;

/// <summary>
/// Reads a sink's delivered journal sequence back from the sink-positions topic: the newest committed record
/// keyed by the sink name in partition 0. Reads read_committed, so the position of a transaction that never
/// committed is not seen, just like its events. Scans back from the end in growing windows (each transaction
/// adds one position record and a commit marker, so the newest is nearly always within the last few offsets).
/// </summary>
public static class KafkaPositionReader
{
    public const int Partition = 0;

    public static long Read(string bootstrapServers, string topic, string sinkName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "llt-sink-position-reader-" + sinkName,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            IsolationLevel = IsolationLevel.ReadCommitted,
            EnablePartitionEof = true,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            SocketTimeoutMs = (int)Math.Max(1000, timeout.TotalMilliseconds),
        };
        using IConsumer<byte[], byte[]> consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        var partition = new TopicPartition(topic, Partition);
        WatermarkOffsets watermarks;
        try
        {
            watermarks = consumer.QueryWatermarkOffsets(partition, timeout);
        }
        catch (KafkaException ex) when (ex.Error.Code is ErrorCode.Local_UnknownPartition or ErrorCode.Local_UnknownTopic
                                            or ErrorCode.UnknownTopicOrPart)
        {
            // No sink has committed a position on this cluster yet (the topic appears with the first commit).
            return 0;
        }

        long low = watermarks.Low.Value;
        long high = watermarks.High.Value;
        if (high <= low)
        {
            return 0;
        }

        byte[] key = Encoding.UTF8.GetBytes(sinkName);
        DateTime deadline = DateTime.UtcNow + timeout;
        for (long window = 16; ; window *= 16)
        {
            long start = Math.Max(low, high - window);
            long? found = Scan(consumer, new TopicPartitionOffset(partition, start), key, deadline, cancellationToken);
            if (found is long delivered)
            {
                return delivered;
            }

            if (start == low)
            {
                return 0;
            }
        }
    }

    private static long? Scan(IConsumer<byte[], byte[]> consumer, TopicPartitionOffset from, byte[] key, DateTime deadline, CancellationToken cancellationToken)
    {
        consumer.Assign(from);
        long? newest = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new KafkaException(new Error(ErrorCode.Local_TimedOut, $"reading {from.Topic} [{from.Partition.Value}] did not reach the end in time"));
            }

            ConsumeResult<byte[], byte[]>? result = consumer.Consume(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                continue;
            }

            if (result.IsPartitionEOF)
            {
                return newest;
            }

            if (result.Message.Key is byte[] k && k.AsSpan().SequenceEqual(key) && result.Message.Value is byte[] value)
            {
                newest = long.Parse(Encoding.ASCII.GetString(value), NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }
    }
}
