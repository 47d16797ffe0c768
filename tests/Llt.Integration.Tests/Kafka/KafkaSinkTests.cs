using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Llt.Codecs.Runtime;
using Llt.Hotpath.Config;
using Llt.Integration.Tests.Sink;
using Llt.Sbe;
using Llt.Shell.Sinks.Kafka;

namespace Llt.Integration.Tests.Kafka;

/// <summary>
/// The Kafka store against librdkafka's mock cluster: a read_committed consumer sees every order, execution,
/// risk alert and position exactly once, keyed by symbol, as the journaled SBE frame (or JSON), through sink
/// restarts and an outage of every broker in the middle of the stream.
/// </summary>
[Collection("kafka")]
public sealed class KafkaSinkTests : IDisposable
{
    private readonly ScenarioJournal _journal = new();

    public void Dispose() => _journal.Dispose();

    /// <summary>Each scenario round publishes one record to each of the four topics; each must be there once.</summary>
    private void AssertExactlyOnce(KafkaTestTopics topics) => AssertDelivered(topics, maxDuplicates: 0);

    /// <summary>
    /// Every round's record is there; at most <paramref name="maxDuplicates"/> extra copies per topic. librdkafka's
    /// mock cluster writes no abort markers (tests/infra/README.md), so a batch the sink aborted and sent again stays
    /// visible to read_committed consumers there; a real broker hides it.
    /// </summary>
    private void AssertDelivered(KafkaTestTopics topics, int maxDuplicates, IsolationLevel isolation = IsolationLevel.ReadCommitted)
    {
        int rounds = _journal.Rounds;
        IReadOnlyList<InstrumentConfig> instruments = EngineConfig.DefaultInstruments();
        foreach ((string topic, int templateId) in new[]
                 {
                     (topics.Topics.Orders, NewOrderDecoder.TemplateId),
                     (topics.Topics.Executions, ExecutionReportDecoder.TemplateId),
                     (topics.Topics.RiskAlerts, RiskAlertDecoder.TemplateId),
                     (topics.Topics.Positions, PositionSnapshotDecoder.TemplateId),
                 })
        {
            List<ConsumeResult<byte[], byte[]>> records = topics.ReadAll(topic, isolation);
            List<long> sequences = records.Select(r => long.Parse(KafkaTestTopics.Header(r, KafkaHeaders.Sequence), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            int duplicates = records.Count - sequences.Distinct().Count();
            Assert.True(rounds + duplicates == records.Count && duplicates <= maxDuplicates,
                $"{topic}: {records.Count} records for {rounds} rounds ({duplicates} duplicates, {maxDuplicates} allowed)");
            Assert.Equal(rounds, sequences.Distinct().Count());
            Assert.All(records, r => Assert.Contains(Encoding.UTF8.GetString(r.Message.Key), instruments.Select(i => i.Symbol)));
            Assert.All(records, r => Assert.Equal(templateId, System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(r.Message.Value.AsSpan(KafkaHeaders.SbeTemplateIdOffset))));
            Assert.All(records, r => Assert.Equal(NewOrderDecoder.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), KafkaTestTopics.Header(r, KafkaHeaders.SchemaVersion)));
            Assert.All(records, r => Assert.Equal(NewOrderDecoder.SchemaId.ToString(System.Globalization.CultureInfo.InvariantCulture), KafkaTestTopics.Header(r, KafkaHeaders.SchemaId)));
        }

        // The order records are the journaled SBE frames: they decode, and carry the scenario's order ids.
        List<long> clOrdIds = topics.ReadAll(topics.Topics.Orders, isolation).Select(r =>
        {
            Assert.Equal(SbeDecodeStatus.Ok, NewOrderDecoder.TryDecode(r.Message.Value, 0, out NewOrderDecoder order, out _));
            Assert.Equal(instruments[order.InstrumentId].Symbol, Encoding.UTF8.GetString(r.Message.Key));
            return (long)order.ClOrdId;
        }).Distinct().Order().ToList();
        Assert.Equal(Enumerable.Range(0, rounds).Select(r => 1_000_000L + r), clOrdIds);
    }

    [Fact]
    public async Task A_read_committed_consumer_sees_every_event_once_and_a_restarted_sink_resends_nothing()
    {
        var topics = new KafkaTestTopics(TestServers.KafkaBootstrap, _journal.JournalDirectory);
        _journal.AppendRounds(200);
        await using (RunningSink sink = await RunningSink.StartAsync(topics.Store(), RunningSink.Options(_journal.JournalDirectory, batchSize: 256)))
        {
            await sink.WaitForDeliveredAsync(_journal.LastSequence);
            Assert.Equal(0, sink.Status.Errors);
        }

        AssertExactlyOnce(topics);

        // The position came back from the sink-positions topic, so a new sink continues where the last one stopped.
        await using (KafkaEventStore store = topics.Store())
        {
            Assert.Equal(_journal.LastSequence, await store.OpenAsync(CancellationToken.None));
        }

        _journal.AppendRounds(20);
        await using (RunningSink again = await RunningSink.StartAsync(topics.Store(), RunningSink.Options(_journal.JournalDirectory)))
        {
            await again.WaitForDeliveredAsync(_journal.LastSequence);
        }

        AssertExactlyOnce(topics);
    }

    [ReadCommittedKafkaFact]
    public async Task A_batch_cut_off_before_its_commit_is_invisible_to_read_committed_consumers_and_redelivered_once()
    {
        var topics = new KafkaTestTopics(TestServers.KafkaBootstrap, _journal.JournalDirectory);
        _journal.AppendRounds(50);
        await using (RunningSink sink = await RunningSink.StartAsync(topics.Store(), RunningSink.Options(_journal.JournalDirectory)))
        {
            await sink.WaitForDeliveredAsync(_journal.LastSequence);
        }

        // What a sink that died mid-batch leaves: its transaction's records (events and a position far ahead) in
        // the log, never committed.
        long delivered = _journal.LastSequence;
        var config = new ProducerConfig
        {
            BootstrapServers = topics.Options.BootstrapServers,
            TransactionalId = topics.Options.EffectiveTransactionalId,
            EnableIdempotence = true,
        };
        using (IProducer<byte[], byte[]> dying = new ProducerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build())
        {
            dying.InitTransactions(TimeSpan.FromSeconds(10));
            dying.BeginTransaction();
            for (int i = 1; i <= 10; i++)
            {
                dying.Produce(topics.Topics.Orders, new Message<byte[], byte[]>
                {
                    Key = Encoding.UTF8.GetBytes("AAPL"),
                    Value = [1, 2, 3],
                    Headers = new Headers { { KafkaHeaders.Sequence, Encoding.ASCII.GetBytes((delivered + i).ToString(System.Globalization.CultureInfo.InvariantCulture)) } },
                });
            }

            dying.Produce(new TopicPartition(topics.Topics.SinkPositions, new Partition(KafkaPositionReader.Partition)),
                new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(topics.Options.SinkName), Value = Encoding.ASCII.GetBytes("999999") });
            dying.Flush(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(50 + 10, topics.ReadAll(topics.Topics.Orders, IsolationLevel.ReadUncommitted).Count);

        _journal.AppendRounds(10);
        await using (KafkaEventStore store = topics.Store())
        {
            Assert.Equal(delivered, await store.OpenAsync(CancellationToken.None));
        }

        await using (RunningSink again = await RunningSink.StartAsync(topics.Store(), RunningSink.Options(_journal.JournalDirectory)))
        {
            await again.WaitForDeliveredAsync(_journal.LastSequence);
        }

        AssertExactlyOnce(topics);
    }

    [Fact]
    public async Task The_json_format_publishes_the_decoded_event_with_its_symbol()
    {
        var topics = new KafkaTestTopics(TestServers.KafkaBootstrap, _journal.JournalDirectory, KafkaValueFormat.Json);
        _journal.AppendRounds(6);
        await using (RunningSink sink = await RunningSink.StartAsync(topics.Store(), RunningSink.Options(_journal.JournalDirectory)))
        {
            await sink.WaitForDeliveredAsync(_journal.LastSequence);
        }

        List<ConsumeResult<byte[], byte[]>> records = topics.ReadAll(topics.Topics.Executions);
        Assert.Equal(6, records.Count);
        ConsumeResult<byte[], byte[]> first = records.OrderBy(r => long.Parse(KafkaTestTopics.Header(r, KafkaHeaders.Sequence), System.Globalization.CultureInfo.InvariantCulture)).First();
        using JsonDocument json = JsonDocument.Parse(first.Message.Value);
        Assert.Equal("ExecutionReport", json.RootElement.GetProperty("Kind").GetString());
        Assert.Equal("AAPL", json.RootElement.GetProperty("Symbol").GetString());
        Assert.Equal(1_000_000, json.RootElement.GetProperty("ClOrdId").GetInt64());
        Assert.Equal("Fill", json.RootElement.GetProperty("ExecType").GetString());
        Assert.Equal(190_00000000, json.RootElement.GetProperty("Fills")[0].GetProperty("LastPx").GetInt64());
        Assert.Equal(KafkaHeaders.JsonContentType, KafkaTestTopics.Header(first, KafkaHeaders.ContentType));
    }

    [Fact]
    public async Task Every_broker_going_down_mid_stream_ends_with_every_event_delivered_and_copies_only_from_aborted_batches()
    {
        using var cluster = new KafkaMockCluster();
        var topics = new KafkaTestTopics(cluster.BootstrapServers, _journal.JournalDirectory);
        _journal.AppendRounds(100);
        await using RunningSink sink = await RunningSink.StartAsync(topics.Store(), RunningSink.Options(_journal.JournalDirectory, batchSize: 128));
        using var writing = new CancellationTokenSource();
        Task engine = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                _journal.AppendRounds(2);
                await Task.Delay(5);
            }
        });

        await sink.WaitForDeliveredAsync(100 * ScenarioJournal.FramesPerRound);
        cluster.SetAllBrokersDown();
        try
        {
            await sink.WaitForAsync(s => !s.Connected && s.Errors >= 2, "the sink to notice the outage and retry");
            Assert.Contains("Kafka", sink.Status.LastError, StringComparison.Ordinal);
            await sink.WaitForAsync(s => s.LagEvents > 0, "lag to show during the outage");
        }
        finally
        {
            cluster.SetAllBrokersUp();
        }

        await Task.Delay(200);
        writing.Cancel();
        await engine;
        await sink.WaitForDeliveredAsync(_journal.LastSequence);
        // Every event arrives. A batch whose commit the outage cut off is aborted and sent again: on a real broker its
        // first copy is invisible to read_committed consumers. librdkafka's mock writes no abort markers, so there the
        // aborted transaction never ends: a read_committed consumer stops at the last stable offset before it (CI once
        // read 1,193 of 1,200 executions, all of them in the log) and a read_uncommitted one sees the first copy. So this
        // reads everything in the log: every sequence must be there, extra copies bounded by the failed batches (each
        // at most batchSize records; consumers can drop them by the sequence header). Exactly-once for read_committed
        // consumers is asserted where no batch aborts, and against a real broker.
        AssertDelivered(topics, maxDuplicates: (int)Math.Min(int.MaxValue, sink.Status.Errors * 128), IsolationLevel.ReadUncommitted);
        Assert.True(sink.Status.Connected);
    }

    [Fact]
    public async Task An_unreachable_cluster_is_reported_and_retried_without_stopping_the_sink()
    {
        int closedPort = ClosedPort();
        var topics = new KafkaTestTopics($"127.0.0.1:{closedPort}", _journal.JournalDirectory);
        _journal.AppendRounds(3);
        await using RunningSink sink = await RunningSink.StartAsync(topics.Store(), RunningSink.Options(_journal.JournalDirectory));
        await sink.WaitForAsync(s => s.Errors >= 1, "the first failed attempt");
        Assert.False(sink.Status.Connected);
        Assert.Contains($"cannot use Kafka at 127.0.0.1:{closedPort}", sink.Status.LastError, StringComparison.Ordinal);
        Assert.Equal(3 * ScenarioJournal.FramesPerRound, sink.Status.LagEvents);
        Assert.False(sink.Sink.ExecuteTask!.IsCompleted);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
