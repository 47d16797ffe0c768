using Llt.Hotpath.Config;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.Strategies;
using Llt.Hotpath.Strategies.Examples;
using Llt.Hotpath.Strategies.MeanReversion;
using Llt.Hotpath.Strategies.MomentumBreakout;
using Llt.Sbe;
using Llt.Hotpath.Tests.Runtime;

namespace Llt.Hotpath.Tests.Strategies;

public sealed class StrategyAllocationTests
{
    private const int Instruments = 8;

    [Fact]
    public void HundredThousandTicks_ThroughTheHost_AfterWarmUp_AllocateNothing()
    {
        string[] symbols = [.. Enumerable.Range(0, Instruments).Select(i => $"SYM{i}")];
        StrategyConfig[] configs =
        [
            new()
            {
                Name = "mr", Type = MeanReversionStrategy.TypeName, Instruments = symbols, MaxPosition = 500,
                Parameters = new Dictionary<string, double> { ["lookback_period"] = 20, ["threshold"] = 1.5 },
            },
            new()
            {
                Name = "mb", Type = MomentumBreakoutStrategy.TypeName, Instruments = symbols, MaxPosition = 500,
                Parameters = new Dictionary<string, double>
                {
                    ["lookback_period"] = 20, ["volume_window"] = 1, ["volume_lookback"] = 50, ["volume_factor"] = 1.5,
                },
            },
            new() { Name = "ema", Type = EmaCrossStrategy.TypeName, Instruments = symbols, MaxPosition = 500 },
        ];
        using var harness = new StrategyTestHarness(configs, Instruments);
        (QuoteTick[] quotes, TradeTick[] trades) = RandomWalk(120_000, seed: 7);

        long ordersBefore = Run(harness, quotes, trades, 0, 20_000);
        long orders = 0;
        int from = 20_000;
        long allocated = SteadyAllocation.Of(
            () =>
            {
                orders += Run(harness, quotes, trades, from, from + 50_000);
                from += 50_000;
            },
            out long first);

        Assert.True(allocated == 0, $"allocated {first} B, then {allocated} B");
        Assert.True(ordersBefore > 0 && orders > 100, $"the path should make every hook work: {orders} orders");
        for (int s = 0; s < harness.Host.Count; s++)
        {
            Assert.True(harness.Host.Context(s).OrdersSubmitted > 0, $"strategy {s} never traded");
        }
    }

    /// <summary>Feeds ticks, fills two orders in three and closes the third, fires the timer now and then.</summary>
    private static long Run(StrategyTestHarness harness, QuoteTick[] quotes, TradeTick[] trades, int from, int to)
    {
        StrategyHost host = harness.Host;
        OrderIntentBuffer intents = harness.Intents;
        long orders = 0;
        for (int i = from; i < to; i++)
        {
            ref readonly QuoteTick quote = ref quotes[i];
            ref InstrumentState state = ref harness.Instruments[quote.InstrumentId];
            state.BidPrice = quote.BidPrice;
            state.AskPrice = quote.AskPrice;
            host.OnQuote(quote);
            host.OnTrade(trades[i]);
            for (int k = 0; k < intents.Count; k++)
            {
                ref readonly OrderIntent intent = ref intents[k];
                if (intent.Kind != OrderIntentKind.New)
                {
                    continue;
                }

                if (++orders % 3 == 0)
                {
                    host.OnOrderClosed(intent.StrategyId, intent.ClOrdId, rejected: false);
                }
                else
                {
                    host.OnFill(intent.StrategyId, new Fill(intent.ClOrdId, intent.Request.InstrumentId, intent.Request.Side,
                        intent.Request.Price, intent.Request.Qty, 0, quote.ReceiveTs));
                }
            }

            intents.Clear();
            if (i % 1_000 == 0)
            {
                host.OnTimer(quote.ReceiveTs);
            }
        }

        return orders;
    }

    /// <summary>Per tick: a quote one cent either side of a random-walk mid and a trade at the touch, random size.</summary>
    internal static (QuoteTick[] Quotes, TradeTick[] Trades) RandomWalk(int count, int seed, int instruments = Instruments)
    {
        var random = new Random(seed);
        var mids = new long[instruments];
        Array.Fill(mids, 100 * FixedPoint.Scale);
        var quotes = new QuoteTick[count];
        var trades = new TradeTick[count];
        const long cent = FixedPoint.Scale / 100;
        for (int i = 0; i < count; i++)
        {
            int id = i % instruments;
            mids[id] = Math.Max(10 * FixedPoint.Scale, mids[id] + (random.Next(7) - 3) * cent);
            long receiveTs = 1_000_000_000L + i * 1_000L;
            quotes[i] = new QuoteTick(id, mids[id] - cent, 100, mids[id] + cent, 100, receiveTs, receiveTs);
            long size = random.Next(10) == 0 ? 1_000 : random.Next(1, 200);
            trades[i] = new TradeTick(id, random.Next(2) == 0 ? mids[id] - cent : mids[id] + cent, size, AggressorSide.Unknown, receiveTs, receiveTs);
        }

        return (quotes, trades);
    }
}
