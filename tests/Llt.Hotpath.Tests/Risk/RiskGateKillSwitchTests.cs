using Llt.Hotpath.Risk;
using Llt.Hotpath.Strategies;
using Llt.Sbe;
using static Llt.Hotpath.Tests.Risk.RiskGateFixture;

namespace Llt.Hotpath.Tests.Risk;

public sealed class RiskGateKillSwitchTests
{
    [Fact]
    public void EngagedKillSwitch_BlocksEveryOrderAndResumeRestores()
    {
        var gate = Create();
        Assert.True(gate.KillSwitch.Engage(NowNs));
        Assert.Equal(RejectReason.KillSwitch, gate.Check(0, Buy(1), NowNs));
        Assert.Equal(RejectReason.KillSwitch, gate.Check(1, OrderRequest.Market(1, Side.Sell, 10), NowNs));
        Assert.Equal(RejectReason.KillSwitch, gate.Check(9, Buy(-1, Px, 9), NowNs));
        Assert.Equal(3, gate.RejectCounts[(int)RejectReason.KillSwitch]);

        Assert.True(gate.KillSwitch.Resume());
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1), NowNs));
    }

    [Fact]
    public void DailyLossBreach_TripsTheKillSwitchAndReportsABreach()
    {
        var gate = Create();
        long limit = 1_000 * Hotpath.Config.FixedPoint.Scale;
        Set(gate, LimitType.DailyLoss, LimitScope.Portfolio, 0, limit);
        Assert.False(gate.OnPnl(-limit + 1, 0, NowNs));
        Assert.False(gate.TryTakeBreach(out _));

        Assert.True(gate.OnPnl(-limit, 0, NowNs + 5));
        Assert.True(gate.KillSwitch.IsEngaged);
        Assert.True(gate.TryTakeBreach(out RiskBreach breach));
        Assert.Equal(BreachType.DailyLoss, breach.Type);
        Assert.Equal(-limit, breach.Value);
        Assert.Equal(limit, breach.Limit);
        Assert.Equal(NowNs + 5, breach.NowNs);
        Assert.True(breach.EngagedKillSwitch);
        Assert.False(gate.TryTakeBreach(out _));
        Assert.Equal(RejectReason.KillSwitch, gate.Check(0, Buy(1), NowNs));
    }

    [Fact]
    public void DrawdownBreach_TripsTheKillSwitch()
    {
        var gate = Create();
        Set(gate, LimitType.Drawdown, LimitScope.Portfolio, 0, 500);
        Assert.False(gate.OnPnl(0, 10_000, NowNs));
        Assert.False(gate.OnPnl(0, 9_501, NowNs));
        Assert.True(gate.OnPnl(0, 9_500, NowNs));
        Assert.True(gate.TryTakeBreach(out RiskBreach breach));
        Assert.Equal(BreachType.Drawdown, breach.Type);
        Assert.Equal(500, breach.Value);
    }

    [Fact]
    public void LimitLoweredBelowTheCurrentLoss_TripsOnTheNextCheck()
    {
        var gate = Create();
        gate.OnPnl(-50, 0, NowNs);
        Set(gate, LimitType.DailyLoss, LimitScope.Portfolio, 0, 50);
        Assert.Equal(RejectReason.DailyLoss, gate.Check(0, Buy(1), NowNs));
        Assert.True(gate.KillSwitch.IsEngaged);
        Assert.True(gate.TryTakeBreach(out RiskBreach breach));
        Assert.Equal(0, breach.StrategyId);
    }

    [Fact]
    public void PositionLimitConfiguredToTrip_EngagesOnReject()
    {
        var gate = Create();
        Assert.True(gate.SetTripsKillSwitch(RejectReason.PositionLimit, true));
        Set(gate, LimitType.Position, LimitScope.Instrument, 0, 10);
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(10), NowNs));
        Assert.False(gate.KillSwitch.IsEngaged);
        Assert.Equal(RejectReason.PositionLimit, gate.Check(0, Buy(11), NowNs));
        Assert.True(gate.KillSwitch.IsEngaged);
        Assert.True(gate.TryTakeBreach(out RiskBreach breach));
        Assert.Equal(BreachType.PositionLimit, breach.Type);
        Assert.Equal(RejectReason.KillSwitch, gate.Check(0, Buy(1), NowNs));
    }

    [Fact]
    public void BreachDisabledFromTripping_OnlyRejects()
    {
        var gate = Create();
        Assert.True(gate.SetTripsKillSwitch(RejectReason.DailyLoss, false));
        Set(gate, LimitType.DailyLoss, LimitScope.Portfolio, 0, 10);
        Assert.False(gate.OnPnl(-10, 0, NowNs));
        Assert.Equal(RejectReason.DailyLoss, gate.Check(0, Buy(1), NowNs));
        Assert.False(gate.KillSwitch.IsEngaged);
    }

    [Theory]
    [InlineData(RejectReason.InvalidQty)]
    [InlineData(RejectReason.KillSwitch)]
    [InlineData(RejectReason.SelfTrade)]
    public void SetTripsKillSwitch_ForAReasonWithoutABreachType_IsRefused(RejectReason reason)
    {
        Assert.False(Create().SetTripsKillSwitch(reason, true));
    }
}
