namespace Llt.Hotpath.Strategies;

/// <summary>
/// One slot of <see cref="OrderIntentBuffer"/>: a strategy's decision, stamped with the receive time of the
/// tick that caused it (for tick-to-decision latency) and the decision time, waiting for risk and routing.
/// </summary>
public struct OrderIntent
{
    public OrderIntentKind Kind;
    public int StrategyId;
    public long ClOrdId;
    /// <summary>For cancels and replaces: the order to cancel or amend (the id the strategy knows it by).</summary>
    public long OrigClOrdId;
    public OrderRequest Request;
    public long ReceiveTs;
    public long DecisionTs;
}
