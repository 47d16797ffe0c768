using BenchmarkDotNet.Attributes;
using Llt.Hotpath.Config;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Strategies;
using Llt.Hotpath.Strategies.Examples;

namespace Llt.Benchmarks.Strategies;

/// <summary>
/// The guide's example (docs/STRATEGY_GUIDE.md): cost per quote of <see cref="EmaCrossStrategy"/> through a
/// real <see cref="StrategyHost"/>, on a zig-zag of mids that makes the EMAs cross now and then.
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*EmaCrossBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class EmaCrossBenchmarks
{
    public const int QuotesPerInvoke = 4096;
    private const long Cent = FixedPoint.Scale / 100;

    private readonly QuoteTick[] _quotes = new QuoteTick[QuotesPerInvoke];
    private InstrumentTable _instruments = null!;
    private OrderIntentBuffer _intents = null!;
    private StrategyHost _host = null!;

    [GlobalSetup]
    public void Setup()
    {
        _instruments = new InstrumentTable([new InstrumentConfig { Symbol = "AAPL" }]);
        _intents = new OrderIntentBuffer(16);
        var config = new StrategyConfig { Name = "ema", Type = EmaCrossStrategy.TypeName, Instruments = ["AAPL"] };
        _host = new StrategyHost([config], BuiltInStrategies.CreateRegistry(), _instruments, _intents, new ClientOrderIds(1), new ManualNanoClock());
        _host.Start();
        for (int i = 0; i < QuotesPerInvoke; i++)
        {
            // up 64 cents then down 64 cents, around 100.00
            long mid = 100 * FixedPoint.Scale + Math.Abs((i & 127) - 64) * Cent;
            _quotes[i] = new QuoteTick(0, mid - Cent, 100, mid + Cent, 100, i, i);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _instruments.Dispose();

    [Benchmark(OperationsPerInvoke = QuotesPerInvoke)]
    public int Quote()
    {
        int orders = 0;
        for (int i = 0; i < _quotes.Length; i++)
        {
            _host.OnQuote(_quotes[i]);
            if (_intents.Count > 0)
            {
                // stand in for the engine: the IOC order is closed at once, so the next cross can trade
                orders += _intents.Count;
                _host.OnOrderClosed(0, _intents[0].ClOrdId, rejected: false);
                _intents.Clear();
            }
        }

        return orders;
    }
}
