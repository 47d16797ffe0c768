using System.Net.Sockets;
using Llt.Shell.Sinks.Events;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Llt.Shell.Sinks.Postgres;

/// <summary>
/// The PostgreSQL journal store. Open: connect, apply migrations, create the staging tables, seed the catalogue,
/// read this sink's delivered sequence. Write, in one transaction, with the sink's position: binary COPY of the
/// batch straight into the event tables (keyed by journal sequence) and forward-only upserts of the current-state
/// tables. The position commits with the rows, so a batch above it cannot already be there; should it be
/// (the position was reset, another writer), the primary key refuses the COPY and the batch is written again
/// through the staging tables with insert-if-absent. Commit is the acknowledgement.
/// </summary>
public sealed class PostgresEventStore : IJournalEventStore
{
    private readonly PostgresStoreOptions _options;
    private readonly ILogger _logger;
    private readonly string _schema;

    // The batch sorted by table; reused, cleared after every write.
    private readonly List<OrderEvent> _orders = [];
    private readonly List<ExecutionEvent> _executions = [];
    private readonly List<PositionEvent> _positions = [];
    private readonly List<PnlEvent> _pnl = [];
    private readonly List<RiskAlertEvent> _alerts = [];
    private readonly List<RiskMetricsEvent> _metrics = [];
    private readonly List<AuditEntry> _audit = [];
    private readonly List<InstrumentDefinitionEvent> _instruments = [];
    private readonly List<UndecodableEvent> _rejects = [];
    private readonly Dictionary<int, (bool Enabled, long Sequence)> _strategyStates = [];

    private NpgsqlConnection? _connection;

    public PostgresEventStore(PostgresStoreOptions options, ILogger<PostgresEventStore> logger)
    {
        options.Validate();
        _options = options;
        _logger = logger;
        _schema = PostgresStoreOptions.QuoteSchema(options.Schema);
    }

    public string Name => _options.SinkName;

    /// <summary>Rows the last acknowledged batch COPYed (event rows and fills; for benchmarks).</summary>
    public long RowsWritten { get; private set; }

    public async Task<long> OpenAsync(CancellationToken cancellationToken)
    {
        await CloseAsync().ConfigureAwait(false);
        var connection = new NpgsqlConnection(_options.ConnectionString());
        try
        {
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or IOException)
            {
                throw new JournalStoreException($"cannot connect to PostgreSQL at {_options.Describe()}: {Explain(ex)}", ex);
            }

            IReadOnlyList<int> applied = await PostgresMigrator.ApplyAsync(connection, _options.Schema, PostgresMigrations.All, cancellationToken)
                .ConfigureAwait(false);
            if (applied.Count > 0)
            {
                _logger.LogInformation("sink {Sink}: applied PostgreSQL migrations {Versions} to schema {Schema}", Name,
                    string.Join(",", applied), _options.Schema);
            }

            await using (var staging = new NpgsqlCommand(PostgresStaging.CreateSql(_schema), connection))
            {
                await staging.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await PostgresCatalogSeed.ApplyAsync(connection, _schema, _options.Instruments, _options.Strategies, cancellationToken)
                .ConfigureAwait(false);

            long delivered;
            await using (var read = new NpgsqlCommand($"SELECT delivered_seq FROM {_schema}.sink_positions WHERE sink = @sink", connection))
            {
                read.Parameters.AddWithValue("sink", Name);
                delivered = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long value ? value : 0;
            }

            _connection = connection;
            return delivered;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task WriteAsync(JournalEventBatch batch, CancellationToken cancellationToken)
    {
        NpgsqlConnection connection = _connection ?? throw new InvalidOperationException($"sink {Name}: store is not open");
        Sort(batch);
        try
        {
            try
            {
                await WriteOnceAsync(connection, batch, staged: false, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                _logger.LogWarning(
                    "sink {Sink}: sequences {First}..{Last} are partly in PostgreSQL already ({Constraint}); writing them again, skipping what is there",
                    Name, batch.FirstSequence, batch.LastSequence, ex.ConstraintName);
                await WriteOnceAsync(connection, batch, staged: true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or IOException)
        {
            throw new JournalStoreException(
                $"PostgreSQL at {_options.Describe()} failed writing sequences {batch.FirstSequence}..{batch.LastSequence}: {Explain(ex)}", ex);
        }
        finally
        {
            ClearBuckets();
        }
    }

    private async Task WriteOnceAsync(NpgsqlConnection connection, JournalEventBatch batch, bool staged, CancellationToken cancellationToken)
    {
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var merge = new NpgsqlBatch(connection, transaction);
        long rows = Copy(connection, merge, staged, batch.FirstSequence, batch.LastSequence);
        var position = new NpgsqlBatchCommand(PostgresStaging.RecordPosition(_schema));
        position.Parameters.AddWithValue("sink", Name);
        position.Parameters.AddWithValue("seq", batch.LastSequence);
        merge.BatchCommands.Add(position);
        await merge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        RowsWritten = rows;
    }

    /// <summary>
    /// COPYs every non-empty bucket (into the sink's tables, or into staging when <paramref name="staged"/>) and
    /// queues the statements that complete the batch; returns the rows COPYed.
    /// </summary>
    private long Copy(NpgsqlConnection connection, NpgsqlBatch merge, bool staged, long first, long last)
    {
        string into = staged ? "stage_" : _schema + ".";
        // the batch's snapshots, for the current-state upserts
        string Snapshots(string table) => staged
            ? "stage_" + table
            : FormattableString.Invariant($"{_schema}.{table} WHERE journal_seq BETWEEN {first} AND {last}");

        long rows = 0;
        if (_orders.Count > 0)
        {
            PostgresCopy.Orders(connection, into, _orders);
            MergeStaged(merge, staged, "orders");
            rows += _orders.Count;
        }

        if (_executions.Count > 0)
        {
            int fills = PostgresCopy.Executions(connection, into, _executions);
            MergeStaged(merge, staged, "executions");
            if (fills > 0)
            {
                MergeStaged(merge, staged, "fills");
            }

            rows += _executions.Count + fills;
        }

        if (_positions.Count > 0)
        {
            PostgresCopy.Positions(connection, into, _positions);
            MergeStaged(merge, staged, "position_snapshots");
            Merge(merge, PostgresStaging.MergePositions(_schema, Snapshots("position_snapshots")));
            rows += _positions.Count;
        }

        if (_pnl.Count > 0)
        {
            PostgresCopy.Pnl(connection, into, _pnl);
            MergeStaged(merge, staged, "pnl_snapshots");
            Merge(merge, PostgresStaging.MergeDailyPnl(_schema, Snapshots("pnl_snapshots")));
            rows += _pnl.Count;
        }

        if (_alerts.Count > 0)
        {
            PostgresCopy.RiskAlerts(connection, into, _alerts);
            MergeStaged(merge, staged, "risk_alerts");
            rows += _alerts.Count;
        }

        if (_metrics.Count > 0)
        {
            PostgresCopy.RiskMetrics(connection, into, _metrics);
            MergeStaged(merge, staged, "risk_metrics");
            rows += _metrics.Count;
        }

        if (_audit.Count > 0)
        {
            PostgresCopy.Audit(connection, into, _audit);
            MergeStaged(merge, staged, "audit_log");
            rows += _audit.Count;
        }

        if (_instruments.Count > 0)
        {
            // always staged: several definitions of one instrument in a batch collapse to the newest
            PostgresCopy.Instruments(connection, _instruments);
            Merge(merge, PostgresStaging.MergeInstruments(_schema));
            rows += _instruments.Count;
        }

        if (_rejects.Count > 0)
        {
            PostgresCopy.Rejects(connection, into, _rejects);
            MergeStaged(merge, staged, "journal_rejects");
            rows += _rejects.Count;
        }

        if (_strategyStates.Count > 0)
        {
            var command = new NpgsqlBatchCommand(PostgresStaging.MergeStrategyStates(_schema));
            command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = _strategyStates.Keys.ToArray() });
            command.Parameters.Add(new NpgsqlParameter("enabled", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = _strategyStates.Values.Select(v => v.Enabled).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("seqs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = _strategyStates.Values.Select(v => v.Sequence).ToArray() });
            merge.BatchCommands.Add(command);
        }

        return rows;
    }

    /// <summary>Staged rows still have to move into their table (insert-if-absent); direct rows are there already.</summary>
    private void MergeStaged(NpgsqlBatch merge, bool staged, string table)
    {
        if (staged)
        {
            Merge(merge, PostgresStaging.MergeEvents(_schema, table));
        }
    }

    private static void Merge(NpgsqlBatch merge, string sql) => merge.BatchCommands.Add(new NpgsqlBatchCommand(sql));

    private void Sort(JournalEventBatch batch)
    {
        foreach (JournalEvent journalEvent in batch.Events)
        {
            switch (journalEvent)
            {
                case OrderEvent e: _orders.Add(e); break;
                case ExecutionEvent e: _executions.Add(e); break;
                case PositionEvent e: _positions.Add(e); break;
                case PnlEvent e: _pnl.Add(e); break;
                case RiskAlertEvent e: _alerts.Add(e); break;
                case RiskMetricsEvent e: _metrics.Add(e); break;
                case InstrumentDefinitionEvent e: _instruments.Add(e); break;
                case UndecodableEvent e: _rejects.Add(e); break;
                case CommandResultEvent e: _audit.Add(AuditEntry.From(e)); break;
                case KillSwitchEvent e: _audit.Add(AuditEntry.From(e)); break;
                case ControlEvent e:
                    _audit.Add(AuditEntry.From(e));
                    if (AuditEntry.StrategyState(e) is (int strategyId, bool enabled))
                    {
                        _strategyStates[strategyId] = (enabled, e.Sequence);
                    }

                    break;

                // Quotes and trades go to the tick store (MongoDB), heartbeats to Redis; route decisions and
                // book updates are not kept here. The position still moves past them.
                default: break;
            }
        }
    }

    private void ClearBuckets()
    {
        _orders.Clear();
        _executions.Clear();
        _positions.Clear();
        _pnl.Clear();
        _alerts.Clear();
        _metrics.Clear();
        _audit.Clear();
        _instruments.Clear();
        _rejects.Clear();
        _strategyStates.Clear();
    }

    /// <summary>The driver's message with the hint an operator needs for the usual causes.</summary>
    private static string Explain(Exception ex)
    {
        Exception root = ex;
        while (root is not PostgresException && root.InnerException is { } inner)
        {
            root = inner;
        }

        return root switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } p => $"{p.MessageText} - check POSTGRES_USER / POSTGRES_PASSWORD",
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } p => $"{p.MessageText} - check POSTGRES_DB",
            PostgresException p => $"{p.SqlState}: {p.MessageText}",
            SocketException s => $"{s.Message} - is the server running and POSTGRES_HOST/POSTGRES_PORT right?",
            _ when ex.InnerException is SocketException s => $"{ex.Message}: {s.Message}",
            _ => ex.Message,
        };
    }

    public async ValueTask CloseAsync()
    {
        NpgsqlConnection? connection = _connection;
        _connection = null;
        ClearBuckets();
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => CloseAsync();
}
