using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Llt.Shell.Sinks.Events;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Sinks.Kafka;

/// <summary>
/// The Kafka journal store: orders, executions, risk alerts, positions (and optionally quotes and trades) to
/// their topics, keyed by symbol, the value the SBE frame as journaled or JSON. Kafka has no transaction
/// spanning a database, so the delivered sequence lives in Kafka itself: each batch is one producer transaction
/// holding its events and a record of its last sequence on the sink-positions topic. A committed transaction
/// makes both visible to read_committed consumers at once; a failed one is aborted (by us, or by the next
/// InitTransactions, which fences the old producer), so neither is. <see cref="OpenAsync"/> reads the position
/// back read_committed; events are redelivered from there, so a consumer reading read_committed sees each
/// event exactly once. The producer is idempotent (acks=all, lz4, batched); the position only advances when
/// the commit succeeded, and the commit only succeeds when every record was acknowledged by the brokers.
/// </summary>
public sealed class KafkaEventStore : IJournalEventStore
{
    private readonly KafkaStoreOptions _options;
    private readonly ILogger _logger;
    private readonly KafkaTopics _topics;
    private readonly Dictionary<int, string> _symbols = [];
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);
    private readonly byte[] _sinkKey;
    private readonly KafkaHeaderValues _headerValues = new();

    private IProducer<byte[], byte[]>? _producer;
    private JournalFrameCopier? _frames;

    public KafkaEventStore(KafkaStoreOptions options, ILogger<KafkaEventStore> logger)
    {
        options.Validate();
        _options = options;
        _logger = logger;
        _topics = options.Topics;
        _sinkKey = Encoding.UTF8.GetBytes(options.SinkName);
        for (int i = 0; i < options.Instruments.Count; i++)
        {
            _symbols[i] = options.Instruments[i].Symbol;
        }

    }

    public string Name => _options.SinkName;

    /// <summary>Records published by the last acknowledged batch, position record excluded (for benchmarks and tests).</summary>
    public int RecordsWritten { get; private set; }

    private TimeSpan Timeout => TimeSpan.FromMilliseconds(_options.TimeoutMilliseconds);

    public async Task<long> OpenAsync(CancellationToken cancellationToken)
    {
        await CloseAsync().ConfigureAwait(false);
        // librdkafka's calls block: keep them off the caller's thread so cancellation is still observed.
        return await Task.Run(() => Open(cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public Task WriteAsync(JournalEventBatch batch, CancellationToken cancellationToken)
    {
        IProducer<byte[], byte[]> producer = _producer ?? throw new InvalidOperationException($"sink {Name}: store is not open");
        return Task.Run(() => Write(producer, batch, cancellationToken), cancellationToken);
    }

    public ValueTask CloseAsync()
    {
        IProducer<byte[], byte[]>? producer = _producer;
        _producer = null;
        _frames?.Dispose();
        _frames = null;
        if (producer is null)
        {
            return ValueTask.CompletedTask;
        }

        // An open transaction is aborted by the next producer's InitTransactions (same transactional id), so a
        // dead broker does not have to answer here; destroying the client only waits for its threads.
        return new ValueTask(Task.Run(() =>
        {
            try
            {
                producer.Dispose();
            }
            catch (Exception ex)
            {
                _logger.LogDebug(ex, "sink {Sink}: closing the producer", Name);
            }
        }));
    }

    public ValueTask DisposeAsync() => CloseAsync();

    private long Open(CancellationToken cancellationToken)
    {
        IProducer<byte[], byte[]> producer = new ProducerBuilder<byte[], byte[]>(ProducerConfig())
            .SetLogHandler((_, message) => _logger.LogDebug("sink {Sink}: librdkafka {Facility}: {Message}", Name, message.Facility, message.Message))
            .Build();
        try
        {
            // Fences any earlier producer with this transactional id and aborts its open transaction, before the
            // position is read: a half-written batch can never be read as delivered.
            producer.InitTransactions(Timeout);
            cancellationToken.ThrowIfCancellationRequested();
            long delivered = KafkaPositionReader.Read(_options.BootstrapServers, _topics.SinkPositions, Name, Timeout, cancellationToken);
            _producer = producer;
            if (_options.Format == KafkaValueFormat.Sbe)
            {
                _frames = new JournalFrameCopier(_options.JournalDirectory!);
            }

            return delivered;
        }
        catch (Exception ex)
        {
            producer.Dispose();
            if (ex is KafkaException)
            {
                throw new JournalStoreException(
                    $"cannot use Kafka at {_options.BootstrapServers}: {ex.Message} - check KAFKA_BOOTSTRAP_SERVERS", ex);
            }

            throw;
        }
    }

    private void Write(IProducer<byte[], byte[]> producer, JournalEventBatch batch, CancellationToken cancellationToken)
    {
        int records = 0;
        try
        {
            producer.BeginTransaction();
            IReadOnlyList<JournalEvent> events = batch.Events;
            for (int i = 0; i < events.Count; i++)
            {
                JournalEvent journalEvent = events[i];
                if (journalEvent is InstrumentDefinitionEvent definition)
                {
                    _symbols[definition.InstrumentId] = definition.Symbol;
                    continue;
                }

                string? topic = KafkaEventRoute.Topic(journalEvent, _topics, _options.MarketData);
                if (topic is null)
                {
                    continue;
                }

                Produce(producer, topic, Partition.Any, Record(journalEvent), cancellationToken);
                records++;
            }

            var position = new Message<byte[], byte[]>
            {
                Key = _sinkKey,
                Value = Encoding.ASCII.GetBytes(batch.LastSequence.ToString(CultureInfo.InvariantCulture)),
                Headers = new Headers { { KafkaHeaders.Sequence, Ascii(batch.LastSequence) } },
            };
            Produce(producer, _topics.SinkPositions, new Partition(KafkaPositionReader.Partition), position, cancellationToken);

            // The delivery reports: librdkafka's commit flushes every record of the transaction and returns only
            // when the brokers acknowledged each one (acks=all); if any record failed, the transaction can only be
            // aborted and the commit throws. A managed callback per record would cost more than the rest of the
            // record's path, so the sink does not ask for one.
            producer.CommitTransaction(Timeout);
        }
        catch (KafkaException ex)
        {
            TryAbort(producer);
            throw new JournalStoreException(
                $"Kafka at {_options.BootstrapServers} did not take batch {batch.FirstSequence}..{batch.LastSequence}: {ex.Message}", ex);
        }
        catch (OperationCanceledException)
        {
            TryAbort(producer);
            throw;
        }

        RecordsWritten = records;
    }

    private void Produce(IProducer<byte[], byte[]> producer, string topic, Partition partition, Message<byte[], byte[]> message, CancellationToken cancellationToken)
    {
        var destination = new TopicPartition(topic, partition);
        while (true)
        {
            try
            {
                producer.Produce(destination, message);
                return;
            }
            catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                // The client's queue is full: let it send (and serve delivery reports), then try again.
                cancellationToken.ThrowIfCancellationRequested();
                producer.Poll(TimeSpan.FromMilliseconds(10));
            }
        }
    }

    private Message<byte[], byte[]> Record(JournalEvent journalEvent)
    {
        int? instrumentId = KafkaEventRoute.InstrumentId(journalEvent);
        string? symbol = instrumentId is int id ? Symbol(id) : null;
        byte[] value;
        var headers = new Headers { { KafkaHeaders.Sequence, Ascii(journalEvent.Sequence) } };
        if (_options.Format == KafkaValueFormat.Sbe)
        {
            value = _frames!.Copy(journalEvent.Sequence);
            AddAll(headers, _headerValues.Sbe(value));
        }
        else
        {
            value = KafkaJsonValue.Encode(journalEvent, symbol);
            AddAll(headers, _headerValues.Json());
        }

        return new Message<byte[], byte[]> { Key = symbol is null ? null! : Key(symbol), Value = value, Headers = headers };
    }

    private void TryAbort(IProducer<byte[], byte[]> producer)
    {
        try
        {
            producer.AbortTransaction(TimeSpan.FromSeconds(1));
        }
        catch (KafkaException ex)
        {
            // The next OpenAsync's InitTransactions aborts it on the broker instead.
            _logger.LogDebug(ex, "sink {Sink}: abort after a failed batch", Name);
        }
    }

    private ProducerConfig ProducerConfig() => new()
    {
        BootstrapServers = _options.BootstrapServers,
        ClientId = "llt-sink-" + Name,
        TransactionalId = _options.EffectiveTransactionalId,
        EnableIdempotence = true,
        Acks = Acks.All,
        CompressionType = CompressionType.Lz4,
        LingerMs = _options.LingerMs,
        BatchNumMessages = _options.BatchNumMessages,
        QueueBufferingMaxMessages = 1_000_000,
        QueueBufferingMaxKbytes = 1024 * 1024,
        TransactionTimeoutMs = 60_000,
        MessageTimeoutMs = Math.Max(_options.TimeoutMilliseconds, 5_000),
        SocketTimeoutMs = Math.Max(_options.TimeoutMilliseconds, 1_000),
        // No per-record delivery callback (the transaction commit waits for every record's acknowledgement), so
        // the reports librdkafka still queues carry nothing to marshal back.
        DeliveryReportFields = "none",
    };

    private byte[] Key(string symbol)
    {
        if (!_keys.TryGetValue(symbol, out byte[]? key))
        {
            key = Encoding.UTF8.GetBytes(symbol);
            _keys[symbol] = key;
        }

        return key;
    }

    private string Symbol(int instrumentId) =>
        _symbols.TryGetValue(instrumentId, out string? symbol) ? symbol : "#" + instrumentId.ToString(CultureInfo.InvariantCulture);

    private static void AddAll(Headers headers, Header[] shared)
    {
        for (int i = 0; i < shared.Length; i++)
        {
            headers.Add(shared[i]);
        }
    }

    private static byte[] Ascii(long value) => Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));
}
