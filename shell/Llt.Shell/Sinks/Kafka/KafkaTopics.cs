namespace Llt.Shell.Sinks.Kafka;

/// <summary>The topic names the Kafka sink writes, all under one prefix (<c>llt.</c> gives <c>llt.orders</c>, ...).</summary>
public sealed record KafkaTopics(string Prefix)
{
    /// <summary>NewOrder, CancelOrder, ReplaceOrder requests.</summary>
    public string Orders => Prefix + "orders";

    /// <summary>ExecutionReports (acks, fills, rejects, cancels).</summary>
    public string Executions => Prefix + "executions";

    public string RiskAlerts => Prefix + "risk-alerts";

    /// <summary>PositionSnapshots.</summary>
    public string Positions => Prefix + "positions";

    /// <summary>Quotes and trades, when <see cref="KafkaStoreOptions.MarketData"/> is on.</summary>
    public string MarketData => Prefix + "market-data";

    /// <summary>
    /// Delivered journal sequence per sink (key = sink name, partition 0), written in the same transaction as the
    /// events: a compacted topic on a real cluster (only the newest record per key matters).
    /// </summary>
    public string SinkPositions => Prefix + "sink-positions";
}
