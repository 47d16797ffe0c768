using BenchmarkDotNet.Attributes;
using Llt.Hotpath.Orders;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Benchmarks.Orders;

/// <summary>
/// Cost of the OMS lifecycle and of routing, per operation.
/// <list type="bullet">
/// <item><b>SubmitAckFillClose</b>: Submit → OnAck → OnFill (partial) → OnFill (completes, closes, frees the
/// slot) on a table of 4096 with 64 other orders open, so the index is not trivially empty.</item>
/// <item><b>Route4Venues</b>: a limit buy split across 4 venues (3 takes + a resting remainder).</item>
/// </list>
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*OrderBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class OrderBenchmarks
{
    public const int OpsPerInvoke = 4096;
    private const long Px = 100 * 100_000_000L;

    private readonly OrderRequest _request = OrderRequest.Limit(1, Side.Buy, 100, Px);
    private readonly OrderRequest _routed = OrderRequest.Limit(1, Side.Buy, 1_000, Px + 2);
    private readonly RouteLeg[] _legs = new RouteLeg[5];
    private readonly VenueQuote[] _venues =
    [
        new(0, Px + 2, 100, 30, 50), new(1, Px, 200, 20, 90), new(2, Px + 1, 300, -10, 20), new(3, Px + 3, 50, 20, 10),
    ];

    private OrderManager _oms = null!;
    private SmartOrderRouter _router = null!;
    private long _nextId;

    [GlobalSetup]
    public void Setup()
    {
        _oms = new OrderManager(new OrderManagerConfig(4096, 1024, 1_000_000, 4096));
        _router = new SmartOrderRouter(4);
        _nextId = 1L << 40;
        for (int i = 0; i < 64; i++)
        {
            long id = _nextId++;
            _oms.Submit(id, 1, 0, _request, 0);
            _oms.OnAck(id, id, 0);
        }
    }

    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    public long SubmitAckFillClose()
    {
        OrderManager oms = _oms;
        long id = _nextId;
        long cum = 0;
        for (int i = 0; i < OpsPerInvoke; i++, id++)
        {
            oms.Submit(id, 1, 0, _request, i);
            oms.OnAck(id, id, i);
            oms.OnFill(id, 40, Px, 1, i, out _);
            oms.OnFill(id, 60, Px + 1, 1, i, out FillEffect effect);
            cum += effect.CumQty;
        }

        _nextId = id;
        return cum;
    }

    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    public int Route4Venues()
    {
        int legs = 0;
        for (int i = 0; i < OpsPerInvoke; i++)
        {
            _router.Route(i, _routed, _venues, _legs, i, out RouteDecision decision);
            legs += decision.LegCount;
        }

        return legs;
    }
}
