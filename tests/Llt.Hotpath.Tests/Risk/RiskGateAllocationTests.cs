using Llt.Hotpath.Strategies;
using Llt.Sbe;
using static Llt.Hotpath.Tests.Risk.RiskGateFixture;

namespace Llt.Hotpath.Tests.Risk;

public sealed class RiskGateAllocationTests
{
    [Fact]
    public void CheckAndHooks_AfterWarmUp_DoNotAllocate()
    {
        var gate = Create();
        Set(gate, LimitType.OrderQty, LimitScope.Instrument, 0, 1_000);
        Set(gate, LimitType.Notional, LimitScope.Instrument, 0, 1_000 * Px);
        Set(gate, LimitType.PriceCollar, LimitScope.Instrument, 0, 500);
        Set(gate, LimitType.Position, LimitScope.Instrument, 0, 10_000);
        Set(gate, LimitType.Position, LimitScope.Strategy, 0, 10_000);
        Set(gate, LimitType.GrossExposure, LimitScope.Portfolio, 0, 100_000 * Px);
        Set(gate, LimitType.NetExposure, LimitScope.Portfolio, 0, 100_000 * Px);
        Set(gate, LimitType.OrderRate, LimitScope.Strategy, 0, 1_000_000);
        Set(gate, LimitType.DailyLoss, LimitScope.Portfolio, 0, Px);
        Set(gate, LimitType.Drawdown, LimitScope.Portfolio, 0, Px);
        Set(gate, LimitType.Volatility, LimitScope.Instrument, 0, 5_000_000);
        Set(gate, LimitType.Liquidity, LimitScope.Instrument, 0, 5_000);
        Set(gate, LimitType.OpenOrders, LimitScope.Strategy, 0, 100);
        OrderRequest pass = Buy(10);
        OrderRequest reject = Buy(10_000);
        OrderRequest market = OrderRequest.Market(0, Side.Sell, 5);
        OrderRequest stopLimit = OrderRequest.StopLimit(0, Side.Buy, 5, Px + Tick0, Px + (2 * Tick0));
        OrderRequest trailing = OrderRequest.TrailingStopBps(0, Side.Sell, 5, 150);
        OrderRequest badStop = OrderRequest.Stop(0, Side.Sell, 5, Px + 1);

        long before = 0;
        int unexpected = 0;
        for (int round = 0; round < 2; round++)
        {
            // round 0 warms up (JIT, tiering); round 1 is measured
            if (round == 1)
            {
                before = GC.GetAllocatedBytesForCurrentThread();
            }

            for (int i = 0; i < 1_000; i++)
            {
                long now = NowNs + (i * 1_000_000L);
                gate.OnMarketTrade(0, 100, now);
                gate.OnMark(0, Px);
                gate.OnPnl(0, 0, now);
                // asserting inside the measured loop would allocate in xunit itself
                unexpected += gate.Check(0, in pass, now) == RejectReason.None ? 0 : 1;
                unexpected += gate.Check(0, in reject, now) == RejectReason.MaxOrderQty ? 0 : 1;
                unexpected += gate.Check(0, in market, now) == RejectReason.None ? 0 : 1;
                unexpected += gate.Check(0, in stopLimit, now) == RejectReason.None ? 0 : 1;
                unexpected += gate.Check(0, in trailing, now) == RejectReason.None ? 0 : 1;
                unexpected += gate.Check(0, in badStop, now) == RejectReason.InvalidStopPrice ? 0 : 1;
                gate.OnOrderAccepted(0, in pass, i);
                gate.OnFill(0, i, 0, Side.Buy, 4, Px);
                gate.OnOrderClosed(i);
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, unexpected);
        Assert.Equal(0, allocated);
    }
}
