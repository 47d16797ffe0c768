using BenchmarkDotNet.Attributes;
using Llt.Hotpath.Risk;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Benchmarks.Risk;

/// <summary>
/// Cost of one <see cref="RiskGate.Check"/>, per order: an order that passes every check with every limit set
/// (nothing short-circuits on Unlimited except the liquidity volume window, which is set too), one rejected by the
/// engaged kill switch (the first check) and one rejected by max order quantity (after the validation block).
/// Each invocation checks <see cref="OrdersPerInvoke"/> orders with nowNs advancing 1 µs (so the rate bucket refills),
/// wrapping within one second of the setup's volume window so the liquidity check keeps passing however long BDN runs.
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*RiskGateCheckBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class RiskGateCheckBenchmarks
{
    public const int OrdersPerInvoke = 1024;
    private const long Px = 100 * Hotpath.Config.FixedPoint.Scale;

    private RiskGate _gate = null!;
    private RiskGate _killed = null!;
    private OrderRequest _pass;
    private OrderRequest _tooBig;
    private const long BaseNs = 1_000_000_000_000;
    private long _offsetNs;

    [GlobalSetup]
    public void Setup()
    {
        _gate = CreateGate();
        _killed = CreateGate();
        _killed.KillSwitch.Engage(0);
        _pass = OrderRequest.Limit(3, Side.Buy, 10, Px - 1_000_000);
        _tooBig = OrderRequest.Limit(3, Side.Buy, 100_000, Px);
        if (_gate.Check(1, in _pass, BaseNs) != RejectReason.None || _gate.Check(1, in _tooBig, BaseNs) != RejectReason.MaxOrderQty
            || _killed.Check(1, in _pass, BaseNs) != RejectReason.KillSwitch)
        {
            throw new InvalidOperationException("benchmark orders do not take the intended path");
        }
    }

    [Benchmark(OperationsPerInvoke = OrdersPerInvoke, Baseline = true)]
    public int PassesEveryCheck() => Run(_gate, in _pass);

    [Benchmark(OperationsPerInvoke = OrdersPerInvoke)]
    public int RejectedByKillSwitch() => Run(_killed, in _pass);

    [Benchmark(OperationsPerInvoke = OrdersPerInvoke)]
    public int RejectedByMaxOrderQty() => Run(_gate, in _tooBig);

    private int Run(RiskGate gate, in OrderRequest order)
    {
        int accepted = 0;
        long offset = _offsetNs;
        for (int i = 0; i < OrdersPerInvoke; i++)
        {
            offset = offset >= 999_999_000 ? 0 : offset + 1_000;
            accepted += gate.Check(1, in order, BaseNs + offset) == RejectReason.None ? 1 : 0;
        }

        _offsetNs = offset;
        return accepted;
    }

    private static RiskGate CreateGate()
    {
        const int instruments = 8;
        long[] ticks = new long[instruments];
        long[] lots = new long[instruments];
        Array.Fill(ticks, 1_000_000L);
        Array.Fill(lots, 1L);
        var gate = new RiskGate(new RiskLimits(instruments, 4), new KillSwitch(), ticks, lots, 4, new RiskGateOptions());
        for (int i = 0; i < instruments; i++)
        {
            gate.OnMark(i, Px);
            gate.SetLimit(LimitType.OrderQty, LimitScope.Instrument, i, 1_000);
            gate.SetLimit(LimitType.Notional, LimitScope.Instrument, i, 1_000 * Px);
            gate.SetLimit(LimitType.PriceCollar, LimitScope.Instrument, i, 500);
            gate.SetLimit(LimitType.Position, LimitScope.Instrument, i, 10_000);
            gate.SetLimit(LimitType.Volatility, LimitScope.Instrument, i, 5_000_000);
            gate.SetLimit(LimitType.Liquidity, LimitScope.Instrument, i, 5_000);
            gate.OnVolatility(i, 1_000_000);
        }

        gate.SetLimit(LimitType.Position, LimitScope.Strategy, 1, 10_000);
        gate.SetLimit(LimitType.GrossExposure, LimitScope.Portfolio, 0, 1_000_000 * Px);
        gate.SetLimit(LimitType.NetExposure, LimitScope.Portfolio, 0, 1_000_000 * Px);
        gate.SetLimit(LimitType.OrderRate, LimitScope.Strategy, 1, 10_000_000);
        gate.SetLimit(LimitType.OrderRate, LimitScope.Portfolio, 0, 10_000_000);
        gate.SetLimit(LimitType.DailyLoss, LimitScope.Portfolio, 0, 1_000_000 * Px);
        gate.SetLimit(LimitType.Drawdown, LimitScope.Portfolio, 0, 1_000_000 * Px);
        gate.SetLimit(LimitType.OpenOrders, LimitScope.Strategy, 1, 100);
        gate.SetLimit(LimitType.OpenOrders, LimitScope.Portfolio, 0, 1_000);
        gate.OnPnl(0, 1_000 * Px, 0);
        // resting orders on both sides so the position, open-order and self-trade checks see real state
        gate.OnOrderAccepted(1, OrderRequest.Limit(3, Side.Sell, 5, Px + 2_000_000), 1);
        gate.OnOrderAccepted(1, OrderRequest.Limit(3, Side.Buy, 5, Px - 2_000_000), 2);
        gate.OnFill(1, -1, 3, Side.Buy, 20, Px);
        // one huge print per volume bucket so liquidity passes; Run keeps nowNs inside this window
        for (long t = 0; t < 60_000_000_000; t += 3_750_000_000)
        {
            gate.OnMarketTrade(3, 1_000_000_000, BaseNs + t);
        }

        return gate;
    }
}
