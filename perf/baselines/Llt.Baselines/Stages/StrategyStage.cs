using System.Threading.Channels;
using Llt.Baselines.Messages;
using Llt.Baselines.Strategies;

namespace Llt.Baselines.Stages;

/// <summary>
/// Feeds every tick to every strategy and forwards their requests to risk. Execution reports arrive on a
/// side channel and are applied before each tick, so a strategy sees its fills before its next decision.
/// </summary>
public sealed class StrategyStage
{
    private readonly IReadOnlyList<ITradingStrategy> _strategies;
    private readonly Dictionary<string, ITradingStrategy> _byName;
    private readonly Dictionary<int, QuoteMessage> _lastQuotes = new();
    private long _ticks;
    private long _decisions;

    public StrategyStage(IReadOnlyList<ITradingStrategy> strategies)
    {
        _strategies = strategies;
        _byName = strategies.ToDictionary(s => s.Name);
    }

    public long Ticks => Interlocked.Read(ref _ticks);

    public long Decisions => Interlocked.Read(ref _decisions);

    public async Task RunAsync(ChannelReader<MarketMessage> input, ChannelReader<ExecutionReport> executions, ChannelWriter<OrderRequest> output, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (MarketMessage message in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                while (executions.TryRead(out ExecutionReport? report))
                {
                    _byName[report.Strategy].OnExecution(report);
                }

                foreach (ITradingStrategy strategy in _strategies)
                {
                    OrderRequest? request = message switch
                    {
                        QuoteMessage quote => strategy.OnQuote(quote),
                        TradeMessage trade => strategy.OnTrade(trade, _lastQuotes.GetValueOrDefault(trade.InstrumentId)),
                        _ => null,
                    };
                    if (request is not null)
                    {
                        Interlocked.Increment(ref _decisions);
                        await output.WriteAsync(request, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (message is QuoteMessage last)
                {
                    _lastQuotes[last.InstrumentId] = last;
                }

                Interlocked.Increment(ref _ticks);
            }

            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
            throw;
        }
    }
}
