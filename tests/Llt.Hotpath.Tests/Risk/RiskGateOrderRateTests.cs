using Llt.Sbe;
using static Llt.Hotpath.Tests.Risk.RiskGateFixture;

namespace Llt.Hotpath.Tests.Risk;

/// <summary>Token bucket driven by a manually advanced nowNs: capacity one second's worth, refill rate × elapsed.</summary>
public sealed class RiskGateOrderRateTests
{
    private const long MsNs = 1_000_000;

    [Fact]
    public void StrategyRate_AllowsTheBurstThenRejects()
    {
        var gate = Create();
        Set(gate, LimitType.OrderRate, LimitScope.Strategy, 0, 10);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(RejectReason.None, gate.Check(0, Buy(1), NowNs));
        }

        Assert.Equal(RejectReason.OrderRate, gate.Check(0, Buy(1), NowNs));
        Assert.Equal(RejectReason.None, gate.Check(1, Buy(1), NowNs));
    }

    [Fact]
    public void StrategyRate_RefillsOneTokenPerTenthOfASecondAtTenPerSecond()
    {
        var gate = Create();
        Set(gate, LimitType.OrderRate, LimitScope.Strategy, 0, 10);
        for (int i = 0; i < 10; i++)
        {
            gate.Check(0, Buy(1), NowNs);
        }

        Assert.Equal(RejectReason.OrderRate, gate.Check(0, Buy(1), NowNs + (99 * MsNs)));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1), NowNs + (100 * MsNs)));
        Assert.Equal(RejectReason.OrderRate, gate.Check(0, Buy(1), NowNs + (100 * MsNs)));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1), NowNs + (200 * MsNs)));
    }

    [Fact]
    public void StrategyRate_RefillIsCappedAtOneSecondOfTokens()
    {
        var gate = Create();
        Set(gate, LimitType.OrderRate, LimitScope.Strategy, 0, 10);
        gate.Check(0, Buy(1), NowNs);
        long later = NowNs + (3_600 * 1_000 * MsNs);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(RejectReason.None, gate.Check(0, Buy(1), later));
        }

        Assert.Equal(RejectReason.OrderRate, gate.Check(0, Buy(1), later));
    }

    [Fact]
    public void PortfolioRate_IsSharedByAllStrategies()
    {
        var gate = Create();
        Set(gate, LimitType.OrderRate, LimitScope.Portfolio, 0, 3);
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1), NowNs));
        Assert.Equal(RejectReason.None, gate.Check(1, Buy(1), NowNs));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1), NowNs));
        Assert.Equal(RejectReason.OrderRate, gate.Check(1, Buy(1), NowNs));
        Assert.Equal(1, gate.RejectCounts[(int)RejectReason.OrderRate]);
    }

    [Fact]
    public void RejectedOrders_DoNotSpendTokens()
    {
        var gate = Create();
        Set(gate, LimitType.OrderRate, LimitScope.Strategy, 0, 2);
        Set(gate, LimitType.Volatility, LimitScope.Instrument, 0, 1);
        gate.OnVolatility(0, 2);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(RejectReason.Volatility, gate.Check(0, Buy(1), NowNs));
        }

        gate.OnVolatility(0, 0);
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1), NowNs));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1), NowNs));
        Assert.Equal(RejectReason.OrderRate, gate.Check(0, Buy(1), NowNs));
    }

    [Fact]
    public void ClockGoingBackwards_AddsNoTokens()
    {
        var gate = Create();
        Set(gate, LimitType.OrderRate, LimitScope.Strategy, 0, 1);
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1), NowNs));
        Assert.Equal(RejectReason.OrderRate, gate.Check(0, Buy(1), NowNs - (5_000 * MsNs)));
        Assert.Equal(RejectReason.OrderRate, gate.Check(0, Buy(1), NowNs + (999 * MsNs)));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1), NowNs + (1_000 * MsNs)));
    }
}
