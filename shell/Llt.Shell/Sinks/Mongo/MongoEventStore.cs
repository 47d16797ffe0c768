using Llt.Shell.Sinks.Events;
using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Llt.Shell.Sinks.Mongo;

/// <summary>
/// The MongoDB tick store: journaled quotes and trades go to a time-series collection (time field <c>ts</c>, meta
/// field <c>symbol</c>) by unordered bulk insert with <c>_id</c> = journal sequence; the delivered sequence is a
/// document in a separate collection, written after the insert was acknowledged.
/// <para>
/// MongoDB has no transaction spanning a time-series collection and another collection, and a time-series
/// collection has no unique <c>_id</c> index, so a duplicate-key error cannot be relied on to stop a re-sent
/// tick. Exactly-once comes from the order of the two writes instead: ticks above the stored position can only
/// be the remains of a batch whose position write never landed, so <see cref="OpenAsync"/> deletes them before
/// the sink re-reads the journal from that position. Duplicate-key errors (a regular collection, or a server
/// that does index <c>_id</c>) are still expected on redelivery and ignored.
/// </para>
/// </summary>
public sealed class MongoEventStore : IJournalEventStore
{
    private const int DuplicateKeyCode = 11000;
    private const int NamespaceExistsCode = 48;

    /// <summary>Position document field: journal time of the last delivered event (bounds the search for unacknowledged ticks).</summary>
    private const string DeliveredTimeField = "deliveredTime";

    private static readonly TimeSpan UnacknowledgedTimeMargin = TimeSpan.FromMinutes(10);

    private readonly MongoStoreOptions _options;
    private readonly ILogger _logger;
    private readonly Dictionary<int, string> _symbols = [];
    private readonly List<BsonDocument> _ticks = [];

    private MongoClient? _client;
    private IMongoCollection<BsonDocument>? _ticksCollection;
    private IMongoCollection<BsonDocument>? _positions;

    public MongoEventStore(MongoStoreOptions options, ILogger<MongoEventStore> logger)
    {
        options.Validate();
        _options = options;
        _logger = logger;
        for (int i = 0; i < options.Instruments.Count; i++)
        {
            _symbols[i] = options.Instruments[i].Symbol;
        }
    }

    public string Name => _options.SinkName;

    /// <summary>Tick documents inserted by the last acknowledged batch (for benchmarks and tests).</summary>
    public int TicksWritten { get; private set; }

    /// <summary>Ticks of an interrupted batch removed by the last <see cref="OpenAsync"/>.</summary>
    public long UnacknowledgedTicksRemoved { get; private set; }

    public async Task<long> OpenAsync(CancellationToken cancellationToken)
    {
        await CloseAsync().ConfigureAwait(false);
        MongoClient client = CreateClient(_options);
        try
        {
            IMongoDatabase database = client.GetDatabase(_options.Database);
            await EnsureTicksCollectionAsync(database, cancellationToken).ConfigureAwait(false);
            IMongoCollection<BsonDocument> ticks = database.GetCollection<BsonDocument>(_options.TicksCollection);
            IMongoCollection<BsonDocument> positions = database.GetCollection<BsonDocument>(_options.PositionsCollection);

            BsonDocument? position = await positions.Find(new BsonDocument(MongoTickFields.Id, Name))
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            long delivered = position is null ? 0 : position[MongoTickFields.Delivered].ToInt64();

            // _id is not indexed in a time-series collection: bound the search by time as well, so the server
            // only opens the newest buckets (journal time never runs far backwards: the margin covers recalibration).
            var above = new BsonDocument(MongoTickFields.Id, new BsonDocument("$gt", delivered));
            if (position is not null && position.TryGetValue(DeliveredTimeField, out BsonValue deliveredTime) && deliveredTime.IsBsonDateTime)
            {
                above.Add(MongoTickFields.Time, new BsonDocument("$gte", deliveredTime.ToUniversalTime() - UnacknowledgedTimeMargin));
            }

            DeleteResult removed = await ticks.DeleteManyAsync(above, cancellationToken).ConfigureAwait(false);
            UnacknowledgedTicksRemoved = removed.IsAcknowledged ? removed.DeletedCount : 0;
            if (UnacknowledgedTicksRemoved > 0)
            {
                _logger.LogInformation("sink {Sink}: removed {Count} ticks above delivered sequence {Delivered} (a batch interrupted before its position was stored)",
                    Name, UnacknowledgedTicksRemoved, delivered);
            }

            _client = client;
            _ticksCollection = ticks;
            _positions = positions;
            return delivered;
        }
        catch (Exception ex)
        {
            client.Dispose();
            if (ex is MongoException or TimeoutException)
            {
                throw new JournalStoreException(
                    $"cannot use MongoDB at {_options.Describe()}: {MongoFailure.Describe(ex, _options.TimeoutMilliseconds)} - check MONGO_HOST/MONGO_PORT/MONGO_DB", ex);
            }

            throw;
        }
    }

    public async Task WriteAsync(JournalEventBatch batch, CancellationToken cancellationToken)
    {
        IMongoCollection<BsonDocument> ticks = _ticksCollection ?? throw new InvalidOperationException($"sink {Name}: store is not open");
        IMongoCollection<BsonDocument> positions = _positions!;
        _ticks.Clear();
        IReadOnlyList<JournalEvent> events = batch.Events;
        for (int i = 0; i < events.Count; i++)
        {
            switch (events[i])
            {
                case QuoteEvent quote:
                    _ticks.Add(MongoTickDocument.From(quote, Symbol(quote.InstrumentId)));
                    break;
                case TradeEvent trade:
                    _ticks.Add(MongoTickDocument.From(trade, Symbol(trade.InstrumentId)));
                    break;
                case InstrumentDefinitionEvent definition:
                    _symbols[definition.InstrumentId] = definition.Symbol;
                    break;
            }
        }

        try
        {
            if (_ticks.Count > 0)
            {
                await InsertUnorderedAsync(ticks, cancellationToken).ConfigureAwait(false);
            }

            // Only after the ticks are acknowledged: a failure in between leaves ticks above the position, which
            // the next OpenAsync removes before they are re-sent.
            await positions.UpdateOneAsync(
                new BsonDocument(MongoTickFields.Id, Name),
                new BsonDocument("$set", new BsonDocument
                {
                    { MongoTickFields.Delivered, batch.LastSequence },
                    { DeliveredTimeField, new BsonDateTime(batch.Events[^1].TimestampNs / 1_000_000) },
                    { "updatedAt", DateTime.UtcNow },
                }),
                new UpdateOptions { IsUpsert = true },
                cancellationToken).ConfigureAwait(false);
            TicksWritten = _ticks.Count;
        }
        catch (Exception ex) when (ex is MongoException or TimeoutException)
        {
            throw new JournalStoreException($"MongoDB at {_options.Describe()} did not take batch {batch.FirstSequence}..{batch.LastSequence}: {MongoFailure.Describe(ex, _options.TimeoutMilliseconds)}", ex);
        }
        finally
        {
            _ticks.Clear();
        }
    }

    public ValueTask CloseAsync()
    {
        MongoClient? client = _client;
        _client = null;
        _ticksCollection = null;
        _positions = null;
        client?.Dispose();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => CloseAsync();

    /// <summary>The client settings the store and `llt ticks` use: one server, fail fast when it is down.</summary>
    public static MongoClient CreateClient(MongoStoreOptions options)
    {
        TimeSpan timeout = TimeSpan.FromMilliseconds(options.TimeoutMilliseconds);
        var settings = new MongoClientSettings
        {
            Server = new MongoServerAddress(options.Host, options.Port),
            ServerSelectionTimeout = timeout,
            ConnectTimeout = timeout,
            SocketTimeout = timeout,
            ApplicationName = "llt-" + options.SinkName,
            // The sink retries whole batches itself (from the stored position); a driver retry would only hide
            // an outage from the sink's status.
            RetryWrites = false,
            RetryReads = false,
        };
        return new MongoClient(settings);
    }

    private async Task InsertUnorderedAsync(IMongoCollection<BsonDocument> ticks, CancellationToken cancellationToken)
    {
        try
        {
            await ticks.InsertManyAsync(_ticks, new InsertManyOptions { IsOrdered = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (MongoBulkWriteException<BsonDocument> ex) when (ex.WriteConcernError is null && ex.WriteErrors.All(e => e.Code == DuplicateKeyCode))
        {
            // Redelivered ticks the server already holds under the same _id: the rest of the unordered bulk landed.
            _logger.LogDebug("sink {Sink}: {Count} ticks already stored (redelivery)", Name, ex.WriteErrors.Count);
        }
    }

    private async Task EnsureTicksCollectionAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var filter = new BsonDocument("name", _options.TicksCollection);
        using IAsyncCursor<BsonDocument> existing = await database.ListCollectionsAsync(
            new ListCollectionsOptions { Filter = filter }, cancellationToken).ConfigureAwait(false);
        if (await existing.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await database.CreateCollectionAsync(_options.TicksCollection, new CreateCollectionOptions
            {
                TimeSeriesOptions = new TimeSeriesOptions(MongoTickFields.Time, MongoTickFields.Symbol, TimeSeriesGranularity.Seconds),
            }, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("sink {Sink}: created time-series collection {Database}.{Collection}", Name, _options.Database, _options.TicksCollection);
        }
        catch (MongoCommandException ex) when (ex.Code == NamespaceExistsCode)
        {
            // another writer created it between the check and the create
        }
    }

    private string Symbol(int instrumentId) =>
        _symbols.TryGetValue(instrumentId, out string? symbol) ? symbol : "#" + instrumentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
