using BenchmarkDotNet.Attributes;
using Llt.Hotpath.Config;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Strategies;
using Llt.Hotpath.Strategies.MeanReversion;
using Llt.Hotpath.Strategies.MomentumBreakout;
using Llt.Sbe;

namespace Llt.Benchmarks.Strategies;

/// <summary>
/// Strategy decision cost through the real <see cref="StrategyHost"/> (dispatch, virtual call, indicators,
/// decision, intent): a seeded random walk (1-cent steps, a quote one cent either side of the mid and a trade
/// at the touch per step, one trade in ten of size 1000) cycled through in a loop; every order the tick leaves
/// is closed straight away (<see cref="StrategyHost.OnOrderClosed"/>) so the strategies keep deciding rather
/// than waiting on a pending order.
/// <list type="bullet">
/// <item>MeanReversionQuote: one mean-reversion strategy (lookback 20, threshold 2) on one instrument; per quote.</item>
/// <item>BothStrategies100Instruments: mean reversion and momentum breakout (lookback 50, volume lookback 200)
/// both subscribed to 100 instruments; per round of one quote and one trade on each of the 100.</item>
/// </list>
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*StrategyBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class StrategyBenchmarks
{
    public const int QuotesPerInvoke = 4096;
    public const int RoundsPerInvoke = 64;
    private const int Instruments = 100;
    private const int PathLength = 1 << 16;
    private const long Cent = FixedPoint.Scale / 100;

    private Rig _single = null!;
    private Rig _portfolio = null!;
    private int _singleNext;
    private int _portfolioNext;

    [GlobalSetup]
    public void Setup()
    {
        _single = new Rig(1, [MeanReversion(1)]);
        _portfolio = new Rig(Instruments, [MeanReversion(Instruments), MomentumBreakout(Instruments)]);
        // warm the windows up so the measured ticks all reach the decision
        for (int i = 0; i < PathLength; i++)
        {
            _single.Tick(i, trade: false);
            _portfolio.Tick(i, trade: true);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _single.Dispose();
        _portfolio.Dispose();
    }

    [Benchmark(OperationsPerInvoke = QuotesPerInvoke)]
    public long MeanReversionQuote()
    {
        Rig rig = _single;
        int next = _singleNext;
        long orders = 0;
        for (int i = 0; i < QuotesPerInvoke; i++)
        {
            orders += rig.Tick(next, trade: false);
            next = (next + 1) & (PathLength - 1);
        }

        _singleNext = next;
        return orders;
    }

    [Benchmark(OperationsPerInvoke = RoundsPerInvoke)]
    public long BothStrategies100Instruments()
    {
        Rig rig = _portfolio;
        int next = _portfolioNext;
        long orders = 0;
        for (int i = 0; i < RoundsPerInvoke * Instruments; i++)
        {
            orders += rig.Tick(next, trade: true);
            next = (next + 1) & (PathLength - 1);
        }

        _portfolioNext = next;
        return orders;
    }

    private static StrategyConfig MeanReversion(int instruments) => new()
    {
        Name = "mr",
        Type = MeanReversionStrategy.TypeName,
        Instruments = Symbols(instruments),
        Parameters = new Dictionary<string, double> { ["lookback_period"] = 20, ["threshold"] = 2.0 },
    };

    private static StrategyConfig MomentumBreakout(int instruments) => new()
    {
        Name = "mb",
        Type = MomentumBreakoutStrategy.TypeName,
        Instruments = Symbols(instruments),
        Parameters = new Dictionary<string, double> { ["lookback_period"] = 50, ["volume_lookback"] = 200, ["volume_window"] = 1 },
    };

    private static string[] Symbols(int count)
    {
        var symbols = new string[count];
        for (int i = 0; i < count; i++)
        {
            symbols[i] = $"SYM{i}";
        }

        return symbols;
    }

    /// <summary>A host over <c>n</c> instruments and a precomputed path that visits them round-robin.</summary>
    private sealed class Rig : IDisposable
    {
        private readonly InstrumentTable _table;
        private readonly OrderIntentBuffer _intents = new(64);
        private readonly StrategyHost _host;
        private readonly QuoteTick[] _quotes = new QuoteTick[PathLength];
        private readonly TradeTick[] _trades = new TradeTick[PathLength];

        public Rig(int instruments, StrategyConfig[] configs)
        {
            var list = new List<InstrumentConfig>(instruments);
            for (int i = 0; i < instruments; i++)
            {
                list.Add(new InstrumentConfig { Symbol = $"SYM{i}" });
            }

            _table = new InstrumentTable(list);
            _host = new StrategyHost(configs, BuiltInStrategies.CreateRegistry(), _table, _intents, new ClientOrderIds(1), new ManualNanoClock());
            _host.Start();
            var random = new Random(42);
            var mids = new long[instruments];
            Array.Fill(mids, 100 * FixedPoint.Scale);
            for (int i = 0; i < PathLength; i++)
            {
                int id = i % instruments;
                mids[id] = Math.Max(10 * FixedPoint.Scale, mids[id] + (random.Next(7) - 3) * Cent);
                long ts = 1_000L * i;
                _quotes[i] = new QuoteTick(id, mids[id] - Cent, 100, mids[id] + Cent, 100, ts, ts);
                long size = random.Next(10) == 0 ? 1_000 : random.Next(1, 200);
                _trades[i] = new TradeTick(id, random.Next(2) == 0 ? mids[id] - Cent : mids[id] + Cent, size, AggressorSide.Unknown, ts, ts);
            }
        }

        /// <summary>One quote (and trade) of the path; returns the orders it caused, closing each at once.</summary>
        public int Tick(int index, bool trade)
        {
            ref readonly QuoteTick quote = ref _quotes[index];
            ref InstrumentState state = ref _table[quote.InstrumentId];
            // what the engine's validator does before dispatch
            state.BidPrice = quote.BidPrice;
            state.AskPrice = quote.AskPrice;
            _host.OnQuote(quote);
            if (trade)
            {
                _host.OnTrade(_trades[index]);
            }

            int count = _intents.Count;
            for (int k = 0; k < count; k++)
            {
                ref readonly OrderIntent intent = ref _intents[k];
                _host.OnOrderClosed(intent.StrategyId, intent.ClOrdId, rejected: false);
            }

            _intents.Clear();
            return count;
        }

        public void Dispose() => _table.Dispose();
    }
}
