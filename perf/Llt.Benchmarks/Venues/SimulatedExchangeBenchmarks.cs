using BenchmarkDotNet.Attributes;
using Llt.Hotpath.Venues;
using Llt.Sbe;

namespace Llt.Benchmarks.Venues;

/// <summary>
/// SimulatedExchange cost per order, latencies 0 so each order is acted on and reported within the operation.
/// Book: 5 levels per side at 1-cent steps around 100.00, 100 displayed each; one instrument.
/// <list type="bullet">
/// <item>MarketableSubmitAndMatch: quote refresh of the touch, Submit of an IOC buy for 150 at 100.02 (takes
/// the 100.01 level and walks to 100.02), Poll of its 3 reports (ack, 2 fills).</item>
/// <item>RestingFillByPrints: Submit of a Day buy for 50 at the bid behind 100 displayed, Poll of the ack,
/// three prints of 60 at its price (queue ahead, then 20, then 30 filled), a level refresh, Poll of 2 fills.</item>
/// </list>
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*SimulatedExchangeBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class SimulatedExchangeBenchmarks
{
    public const int OperationsPerInvoke = 1024;
    private const long Cent = 1_000_000;
    private const long Centre = 10_000_000_000;

    private SimulatedExchange? _exchange;
    private BenchmarkReportSink _sink;
    private long _nowNs;
    private long _nextId;

    [GlobalSetup]
    public void Setup()
    {
        _exchange = new SimulatedExchange(new SimulatedExchangeOptions
        {
            VenueId = 1,
            EntryLatencyNs = 0,
            AckLatencyNs = 0,
            MakerFeePerUnit = -200_000,
            TakerFeePerUnit = 300_000,
            InstrumentCount = 1,
            BookDepth = 16,
            OrderCapacity = 1024,
            RequestCapacity = 1024,
            ReportCapacity = 4096,
        });
        for (int i = 0; i < 5; i++)
        {
            _exchange.OnBookLevel(0, Side.Buy, Centre - i * Cent, 100, 0);
            _exchange.OnBookLevel(0, Side.Sell, Centre + (i + 1) * Cent, 100, 0);
        }
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public long MarketableSubmitAndMatch()
    {
        SimulatedExchange exchange = _exchange!;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            long now = ++_nowNs;
            exchange.OnQuote(0, Centre, 100, Centre + Cent, 100, now);
            exchange.OnBookLevel(0, Side.Sell, Centre + 2 * Cent, 100, now);
            var order = new VenueOrder(++_nextId, 0, Side.Buy, OrdType.Limit, TimeInForce.ImmediateOrCancel, ExecInst.None, Centre + 2 * Cent, 150);
            exchange.Submit(in order, now);
            exchange.Poll(now, ref _sink);
        }

        return _sink.FilledQty;
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public long RestingFillByPrints()
    {
        SimulatedExchange exchange = _exchange!;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            long now = ++_nowNs;
            var order = new VenueOrder(++_nextId, 0, Side.Buy, OrdType.Limit, TimeInForce.Day, ExecInst.None, Centre, 50);
            exchange.Submit(in order, now);
            exchange.Poll(now, ref _sink);
            exchange.OnTrade(0, Centre, 60, now);
            exchange.OnTrade(0, Centre, 60, now);
            exchange.OnTrade(0, Centre, 60, now);
            exchange.OnBookLevel(0, Side.Buy, Centre, 100, now);
            exchange.Poll(now, ref _sink);
        }

        return _sink.FilledQty;
    }
}
