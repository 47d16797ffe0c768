using Llt.Baselines.Messages;

namespace Llt.Baselines.Strategies;

/// <summary>
/// A strategy in the baseline service: called by the strategy stage for every tick and every execution report
/// addressed to it; returns an order request or null.
/// </summary>
/// <example>
/// <code>
/// OrderRequest? request = strategy.OnQuote(quote);
/// if (request is not null) { await toRisk.WriteAsync(request); }
/// </code>
/// </example>
public interface ITradingStrategy
{
    string Name { get; }

    OrderRequest? OnQuote(QuoteMessage quote);

    /// <param name="lastQuote">The instrument's latest quote (the touch an order is priced at), if any.</param>
    OrderRequest? OnTrade(TradeMessage trade, QuoteMessage? lastQuote);

    void OnExecution(ExecutionReport report);
}
