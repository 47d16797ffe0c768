using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Llt.Sbe;
using Llt.Shell.Sinks.Events;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Llt.Shell.Sinks.Redis;

/// <summary>
/// The Redis journal store: the live picture other programs read (latest quote per symbol, positions, P&amp;L and
/// risk metrics as hashes, an engine heartbeat key with a TTL) and the alert feed (pub/sub channel + capped
/// stream). One batch is one MULTI/EXEC that also sets the delivered sequence, guarded by WATCH on that key:
/// if Redis restarted and forgot it (or another writer moved it), EXEC is refused and the sink starts over from
/// what Redis holds. Events at or below the delivered sequence are skipped, and stream entries carry the
/// sequence as their id, so redelivery neither republishes nor duplicates.
/// </summary>
public sealed class RedisEventStore : IJournalEventStore
{
    private readonly RedisStoreOptions _options;
    private readonly ILogger _logger;
    private readonly RedisKeys _keys;
    private readonly Dictionary<int, string> _symbols = [];

    // Last state per key within one batch: only the newest snapshot of a key is sent.
    private readonly Dictionary<string, HashEntry[]> _hashes = new(StringComparer.Ordinal);
    private readonly List<JournalEvent> _alerts = [];
    private HeartbeatEvent? _heartbeat;

    private ConnectionMultiplexer? _connection;
    private long _delivered;

    // Sequence of the newest alerts-stream entry: XADD refuses ids at or below it, so those are never re-sent.
    private long _streamTop;

    public RedisEventStore(RedisStoreOptions options, ILogger<RedisEventStore> logger)
    {
        options.Validate();
        _options = options;
        _logger = logger;
        _keys = new RedisKeys(options.KeyPrefix);
        for (int i = 0; i < options.Instruments.Count; i++)
        {
            _symbols[i] = options.Instruments[i].Symbol;
        }
    }

    public string Name => _options.SinkName;

    public RedisKeys Keys => _keys;

    /// <summary>Redis commands queued by the last acknowledged batch (for benchmarks).</summary>
    public int CommandsWritten { get; private set; }

    public async Task<long> OpenAsync(CancellationToken cancellationToken)
    {
        await CloseAsync().ConfigureAwait(false);
        var configuration = new ConfigurationOptions
        {
            EndPoints = { { _options.Host, _options.Port } },
            DefaultDatabase = _options.Database,
            AbortOnConnectFail = true,
            ConnectRetry = 1,
            ConnectTimeout = _options.TimeoutMilliseconds,
            SyncTimeout = _options.TimeoutMilliseconds,
            AsyncTimeout = _options.TimeoutMilliseconds,
            ClientName = "llt-sink-" + Name,
            // The sink reconnects itself (close, back off, reopen at the stored position).
            BacklogPolicy = BacklogPolicy.FailFast,
        };
        ConnectionMultiplexer connection;
        Task<ConnectionMultiplexer> connecting = ConnectionMultiplexer.ConnectAsync(configuration);
        try
        {
            // The client's connect takes no token: stop waiting for it at shutdown, and dispose it when it lands.
            connection = await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _ = connecting.ContinueWith(static t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    t.Result.Dispose();
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
        catch (Exception ex) when (ex is RedisException or SocketException or TimeoutException)
        {
            throw new JournalStoreException($"cannot connect to Redis at {_options.Describe()}: {ex.Message}", ex);
        }

        try
        {
            IDatabase database = connection.GetDatabase(_options.Database);
            RedisValue delivered = await database.StringGetAsync(_keys.Delivered(Name)).ConfigureAwait(false);
            _delivered = delivered.IsNull ? 0 : (long)delivered;
            StreamEntry[] top = await database.StreamRangeAsync(_keys.AlertsStream, "-", "+", count: 1, messageOrder: Order.Descending)
                .ConfigureAwait(false);
            _streamTop = top.Length == 0 ? 0 : StreamSequence(top[0].Id);
            _connection = connection;
            return _delivered;
        }
        catch (Exception ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (ex is RedisException or TimeoutException)
            {
                throw new JournalStoreException($"Redis at {_options.Describe()} did not answer: {ex.Message}", ex);
            }

            throw;
        }
    }

    public async Task WriteAsync(JournalEventBatch batch, CancellationToken cancellationToken)
    {
        ConnectionMultiplexer connection = _connection ?? throw new InvalidOperationException($"sink {Name}: store is not open");
        IDatabase database = connection.GetDatabase(_options.Database);
        ITransaction transaction = database.CreateTransaction();
        string deliveredKey = _keys.Delivered(Name);
        transaction.AddCondition(_delivered == 0 ? Condition.KeyNotExists(deliveredKey) : Condition.StringEqual(deliveredKey, _delivered));
        var pending = new List<Task>();
        try
        {
            Collect(batch);
            foreach ((string key, HashEntry[] fields) in _hashes)
            {
                pending.Add(transaction.HashSetAsync(key, fields));
            }

            foreach (JournalEvent alert in _alerts)
            {
                if (alert.Sequence <= _streamTop)
                {
                    // the stream has it: Redis kept the stream but not the position key
                    continue;
                }

                (string json, NameValueEntry[] entry) = AlertMessage(alert);
                pending.Add(transaction.PublishAsync(RedisChannel.Literal(_keys.AlertsChannel), json));
                pending.Add(transaction.StreamAddAsync(_keys.AlertsStream, entry,
                    messageId: alert.Sequence.ToString(CultureInfo.InvariantCulture) + "-0",
                    maxLength: _options.AlertStreamMaxLength, useApproximateMaxLength: true, limit: null, trimMode: StreamTrimMode.KeepReferences));
            }

            if (_heartbeat is not null && HeartbeatTtl(_heartbeat) is TimeSpan ttl)
            {
                pending.Add(transaction.StringSetAsync(_keys.Heartbeat, HeartbeatValue(_heartbeat), ttl));
            }

            pending.Add(transaction.StringSetAsync(deliveredKey, batch.LastSequence));
            bool committed = await transaction.ExecuteAsync().ConfigureAwait(false);
            if (!committed)
            {
                throw new JournalStoreException(
                    $"Redis at {_options.Describe()}: {deliveredKey} is no longer {_delivered} (Redis restarted without its data, or another sink writes there); re-reading the position");
            }

            // EXEC answered; a command Redis refused inside it (wrong key type, ...) surfaces here.
            await Task.WhenAll(pending).ConfigureAwait(false);
            _delivered = batch.LastSequence;
            if (_alerts.Count > 0)
            {
                _streamTop = Math.Max(_streamTop, _alerts[^1].Sequence);
            }

            CommandsWritten = pending.Count;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or SocketException)
        {
            ObserveQuietly(pending);
            throw new JournalStoreException(
                $"Redis at {_options.Describe()} failed writing sequences {batch.FirstSequence}..{batch.LastSequence}: {ex.Message}", ex);
        }
        catch
        {
            ObserveQuietly(pending);
            throw;
        }
        finally
        {
            _hashes.Clear();
            _alerts.Clear();
            _heartbeat = null;
        }
    }

    private void Collect(JournalEventBatch batch)
    {
        foreach (JournalEvent journalEvent in batch.Events)
        {
            if (journalEvent.Sequence <= _delivered)
            {
                // already in Redis (an acknowledgement that was lost): never publish or append twice
                continue;
            }

            switch (journalEvent)
            {
                case QuoteEvent q:
                    _hashes[_keys.Quote(Symbol(q.InstrumentId))] =
                    [
                        new("bid", FixedPointValue.ToText(q.BidPrice)),
                        new("bidSize", q.BidSize),
                        new("ask", FixedPointValue.ToText(q.AskPrice)),
                        new("askSize", q.AskSize),
                        new("instrumentId", q.InstrumentId),
                        new("exchangeTs", q.ExchangeTs),
                        new("seq", q.Sequence),
                    ];
                    break;
                case PositionEvent p:
                    _hashes[_keys.Position(Symbol(p.InstrumentId), p.StrategyId)] =
                    [
                        new("position", p.Position),
                        new("avgPrice", p.AvgPrice is long avg ? FixedPointValue.ToText(avg) : ""),
                        new("realizedPnl", FixedPointValue.ToText(p.RealizedPnl)),
                        new("unrealizedPnl", FixedPointValue.ToText(p.UnrealizedPnl)),
                        new("instrumentId", p.InstrumentId),
                        new("strategyId", p.StrategyId),
                        new("ts", p.SnapshotTs),
                        new("seq", p.Sequence),
                    ];
                    break;
                case PnlEvent p:
                    _hashes[_keys.Pnl] =
                    [
                        new("realizedPnl", FixedPointValue.ToText(p.RealizedPnl)),
                        new("unrealizedPnl", FixedPointValue.ToText(p.UnrealizedPnl)),
                        new("dailyPnl", FixedPointValue.ToText(p.DailyPnl)),
                        new("highWaterMark", FixedPointValue.ToText(p.HighWaterMark)),
                        new("drawdown", FixedPointValue.ToText(p.Drawdown)),
                        new("grossExposure", FixedPointValue.ToText(p.GrossExposure)),
                        new("netExposure", FixedPointValue.ToText(p.NetExposure)),
                        new("ts", p.SnapshotTs),
                        new("seq", p.Sequence),
                    ];
                    foreach (StrategyPnl line in p.Strategies)
                    {
                        _hashes[_keys.StrategyPnl(line.StrategyId)] =
                        [
                            new("realizedPnl", FixedPointValue.ToText(line.RealizedPnl)),
                            new("unrealizedPnl", FixedPointValue.ToText(line.UnrealizedPnl)),
                            new("ts", p.SnapshotTs),
                            new("seq", p.Sequence),
                        ];
                    }

                    break;
                case RiskMetricsEvent m:
                    _hashes[_keys.Risk] =
                    [
                        new("var95", FixedPointValue.ToText(m.Var95)),
                        new("var99", FixedPointValue.ToText(m.Var99)),
                        new("maxDrawdown", FixedPointValue.ToText(m.MaxDrawdown)),
                        new("grossExposure", FixedPointValue.ToText(m.GrossExposure)),
                        new("netExposure", FixedPointValue.ToText(m.NetExposure)),
                        new("ts", m.MetricsTs),
                        new("seq", m.Sequence),
                    ];
                    break;
                case InstrumentDefinitionEvent d:
                    _symbols[d.InstrumentId] = d.Symbol;
                    break;
                case RiskAlertEvent or KillSwitchEvent:
                    _alerts.Add(journalEvent);
                    break;
                case HeartbeatEvent h:
                    _heartbeat = h;
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The journal sequence in a stream entry id "{seq}-0"; 0 for ids this sink did not write.</summary>
    private static long StreamSequence(RedisValue id)
    {
        string text = id.ToString();
        int dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out long sequence) ? sequence : 0;
    }

    private string Symbol(int instrumentId) =>
        _symbols.TryGetValue(instrumentId, out string? symbol) ? symbol : instrumentId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The key lives for what is left of the TTL after the heartbeat's own time, so replaying old heartbeats
    /// after an outage never makes a silent engine look alive; null when that is nothing.
    /// </summary>
    private TimeSpan? HeartbeatTtl(HeartbeatEvent heartbeat)
    {
        long stampNs = heartbeat.HeartbeatTs > 0 ? heartbeat.HeartbeatTs : heartbeat.TimestampNs;
        long nowNs = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;
        TimeSpan left = _options.HeartbeatTtl - TimeSpan.FromTicks(Math.Max(0, nowNs - stampNs) / 100);
        return left >= TimeSpan.FromMilliseconds(1) ? left : null;
    }

    private static string HeartbeatValue(HeartbeatEvent heartbeat) => Json(writer =>
    {
        writer.WriteString("state", heartbeat.State.ToString());
        writer.WriteNumber("ts", heartbeat.HeartbeatTs);
        writer.WriteNumber("journalSequence", heartbeat.JournalSequence);
        writer.WriteNumber("seq", heartbeat.Sequence);
    });

    /// <summary>The alert as JSON (pub/sub) and as stream fields (same names, values as text).</summary>
    private (string Json, NameValueEntry[] Entry) AlertMessage(JournalEvent alert)
    {
        var fields = new List<KeyValuePair<string, string>>(12)
        {
            new("seq", alert.Sequence.ToString(CultureInfo.InvariantCulture)),
            new("kind", alert.Kind),
            new("journalTs", alert.TimestampNs.ToString(CultureInfo.InvariantCulture)),
        };
        switch (alert)
        {
            case RiskAlertEvent a:
                fields.Add(new("breachType", a.BreachType.ToString()));
                fields.Add(new("severity", a.Severity.ToString()));
                if (a.StrategyId is int strategy)
                {
                    fields.Add(new("strategyId", strategy.ToString(CultureInfo.InvariantCulture)));
                }

                if (a.InstrumentId is int instrument)
                {
                    fields.Add(new("instrumentId", instrument.ToString(CultureInfo.InvariantCulture)));
                    fields.Add(new("symbol", Symbol(instrument)));
                }

                fields.Add(new("value", FixedPointValue.ToText(a.Value)));
                fields.Add(new("limit", FixedPointValue.ToText(a.LimitValue)));
                fields.Add(new("text", a.Text));
                break;
            case KillSwitchEvent k:
                fields.Add(new("engaged", k.Engaged ? "true" : "false"));
                fields.Add(new("severity", (k.Engaged ? Severity.Critical : Severity.Info).ToString()));
                fields.Add(new("breachType", k.BreachType?.ToString() ?? ""));
                fields.Add(new("canceledOrders", k.CanceledOrders.ToString(CultureInfo.InvariantCulture)));
                fields.Add(new("source", k.Source));
                fields.Add(new("text", k.Reason));
                break;
        }

        var entry = new NameValueEntry[fields.Count];
        for (int i = 0; i < fields.Count; i++)
        {
            entry[i] = new NameValueEntry(fields[i].Key, fields[i].Value);
        }

        string json = Json(writer =>
        {
            foreach ((string name, string value) in fields)
            {
                writer.WriteString(name, value);
            }
        });
        return (json, entry);
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void ObserveQuietly(List<Task> pending)
    {
        // Commands of a failed transaction fault with it; observe them so they do not surface as unobserved.
        foreach (Task task in pending)
        {
            _ = task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }
    }

    public async ValueTask CloseAsync()
    {
        ConnectionMultiplexer? connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            try
            {
                await connection.CloseAsync(allowCommandsToComplete: false).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or SocketException or ObjectDisposedException)
            {
                _logger.LogDebug("sink {Sink}: close: {Error}", Name, ex.Message);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => CloseAsync();
}
