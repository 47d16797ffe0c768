using Llt.Hotpath.Risk;
using Llt.Hotpath.Strategies;
using Llt.Sbe;
using static Llt.Hotpath.Tests.Risk.RiskGateFixture;

namespace Llt.Hotpath.Tests.Risk;

/// <summary>
/// Amending an open order: <see cref="RiskGate.CheckReplace"/> applies the order-entry limits to the amended terms and
/// the exposure limits only to what the amendment adds; <see cref="RiskGate.OnReplaceSent"/>,
/// <see cref="RiskGate.OnReplaceRejected"/> and <see cref="RiskGate.OnReplaced"/> keep open exposure, the open order's
/// id and the resting price behind self-trade prevention in step with the venue's answer.
/// </summary>
public sealed class RiskGateReplaceTests
{
    private const long Scale = Hotpath.Config.FixedPoint.Scale;

    [Fact]
    public void KillSwitch_BlocksEveryReplace_EvenOneThatReducesRisk()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Buy(60), clOrdId: 1));
        Assert.True(gate.KillSwitch.Engage(NowNs));

        Assert.Equal(RejectReason.KillSwitch, gate.CheckReplace(0, Buy(70), addedQty: 10, NowNs));
        Assert.Equal(RejectReason.KillSwitch, gate.CheckReplace(0, Buy(30), addedQty: -30, NowNs));
        Assert.Equal(RejectReason.KillSwitch, gate.CheckReplace(0, Buy(60, Px - Tick0), addedQty: 0, NowNs));
        Assert.Equal(3, gate.RejectCounts[(int)RejectReason.KillSwitch]);
        Assert.Equal(0, gate.AcceptedCount);
    }

    [Fact]
    public void Halt_BlocksEveryReplaceOnThatInstrumentOnly()
    {
        var gate = Create();
        Assert.True(gate.SetHalted(0, true));

        Assert.Equal(RejectReason.InstrumentHalted, gate.CheckReplace(0, Buy(30), addedQty: -30, NowNs));
        Assert.Equal(RejectReason.InstrumentHalted, gate.CheckReplace(0, Buy(60, Px - Tick0), addedQty: 0, NowNs));
        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(30, Px, instrumentId: 1), addedQty: -30, NowNs));
        Assert.True(gate.SetHalted(0, false));
        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(30), addedQty: -30, NowNs));
    }

    [Theory]
    [InlineData(100, 40, RejectReason.None)]
    [InlineData(101, 41, RejectReason.MaxOrderQty)]
    // the fat-finger limit is on the order's new total, so even an amendment that takes quantity away is held to it
    [InlineData(101, -10, RejectReason.MaxOrderQty)]
    public void MaxOrderQty_AppliesToTheAmendedTotal(long newQty, long added, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.OrderQty, LimitScope.Instrument, 0, 100);
        Assert.Equal(expected, gate.CheckReplace(0, Buy(newQty), added, NowNs));
    }

    [Fact]
    public void MaxNotional_AppliesToTheAmendedQtyAndPrice()
    {
        var gate = Create();
        Set(gate, LimitType.Notional, LimitScope.Instrument, 0, 100 * Px);

        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(100), addedQty: 0, NowNs));
        Assert.Equal(RejectReason.MaxNotional, gate.CheckReplace(0, Buy(101), addedQty: 1, NowNs));
        // same quantity, a price one tick higher: over the limit
        Assert.Equal(RejectReason.MaxNotional, gate.CheckReplace(0, Buy(100, Px + Tick0), addedQty: 0, NowNs));
        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(99, Px + Tick0), addedQty: -1, NowNs));
    }

    [Theory]
    [InlineData(100_000_000, RejectReason.None)]
    [InlineData(101_000_000, RejectReason.PriceCollar)]
    [InlineData(-100_000_000, RejectReason.None)]
    [InlineData(-101_000_000, RejectReason.PriceCollar)]
    public void PriceCollar_AppliesToTheAmendedPrice_WhatEverTheQtyChange(long offset, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.PriceCollar, LimitScope.Instrument, 0, 100);
        Assert.Equal(expected, gate.CheckReplace(0, Buy(10, Px + offset), addedQty: 0, NowNs));
        Assert.Equal(expected, gate.CheckReplace(0, Buy(5, Px + offset), addedQty: -5, NowNs));
    }

    [Theory]
    [InlineData(39, RejectReason.None)]
    [InlineData(40, RejectReason.None)]
    [InlineData(41, RejectReason.PositionLimit)]
    public void InstrumentPosition_IsCheckedAgainstWhatTheReplaceAdds(long added, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.Position, LimitScope.Instrument, 0, 100);
        Assert.True(gate.OnOrderAccepted(0, Buy(60), clOrdId: 1));

        // the order's own 60 are already in the open quantity: only the added part counts on top
        Assert.Equal(expected, gate.CheckReplace(0, Buy(60 + added), added, NowNs));
    }

    [Theory]
    [InlineData(40, RejectReason.None)]
    [InlineData(41, RejectReason.PositionLimit)]
    public void StrategyPosition_IsCheckedAgainstWhatTheReplaceAdds_OnTheSellSide(long added, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.Position, LimitScope.Strategy, 0, 100);
        Assert.True(gate.OnOrderAccepted(0, Sell(60), clOrdId: 1));

        Assert.Equal(expected, gate.CheckReplace(0, Sell(60 + added), added, NowNs));
    }

    [Fact]
    public void GrossExposure_IsCheckedAgainstWhatTheReplaceAdds_AndNotForADecrease()
    {
        var gate = Create();
        Set(gate, LimitType.GrossExposure, LimitScope.Portfolio, 0, 100 * Px);
        Assert.True(gate.OnOrderAccepted(0, Buy(60), clOrdId: 1));

        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(100), addedQty: 40, NowNs));
        Assert.Equal(RejectReason.PortfolioExposure, gate.CheckReplace(0, Buy(101), addedQty: 41, NowNs));
        Set(gate, LimitType.GrossExposure, LimitScope.Portfolio, 0, 10 * Px);
        Assert.Equal(RejectReason.PortfolioExposure, gate.Check(0, Buy(1), NowNs));
        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(50), addedQty: -10, NowNs));
    }

    [Fact]
    public void PositionLimitLoweredBelowExposure_RefusesAnIncrease_ButPassesADecreaseAndAPriceOnlyChange()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Buy(60), clOrdId: 1));
        gate.OnFill(0, clOrdId: 99, 0, Side.Buy, 20, Px);
        Set(gate, LimitType.Position, LimitScope.Instrument, 0, 30);
        Set(gate, LimitType.Position, LimitScope.Strategy, 0, 30);

        // the limit is in force: a new order of one is refused
        Assert.Equal(RejectReason.PositionLimit, gate.Check(0, Buy(1), NowNs));
        Assert.Equal(RejectReason.PositionLimit, gate.CheckReplace(0, Buy(61), addedQty: 1, NowNs));
        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(50), addedQty: -10, NowNs));
        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(60, Px - Tick0), addedQty: 0, NowNs));
        Assert.Equal(2, gate.RejectCounts[(int)RejectReason.PositionLimit]);
    }

    [Fact]
    public void DailyLossBreached_RefusesAnIncrease_ButPassesADecreaseAndAPriceOnlyChange()
    {
        var gate = Create();
        gate.SetTripsKillSwitch(RejectReason.DailyLoss, false);
        Set(gate, LimitType.DailyLoss, LimitScope.Portfolio, 0, 1000 * Scale);
        Assert.True(gate.OnOrderAccepted(0, Buy(60), clOrdId: 1));
        Assert.False(gate.OnPnl(-1000 * Scale, 0, NowNs));

        Assert.Equal(RejectReason.DailyLoss, gate.CheckReplace(0, Buy(61), addedQty: 1, NowNs));
        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(59), addedQty: -1, NowNs));
        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(60, Px + Tick0), addedQty: 0, NowNs));
    }

    [Fact]
    public void DailyLossBreach_RefusingAnIncrease_TripsTheKillSwitchWhenConfiguredTo()
    {
        var gate = Create();
        gate.SetTripsKillSwitch(RejectReason.DailyLoss, false);
        Set(gate, LimitType.DailyLoss, LimitScope.Portfolio, 0, 1000 * Scale);
        Assert.False(gate.OnPnl(-1000 * Scale, 0, NowNs));
        gate.SetTripsKillSwitch(RejectReason.DailyLoss, true);

        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(59), addedQty: -1, NowNs));
        Assert.False(gate.KillSwitch.IsEngaged);
        Assert.Equal(RejectReason.DailyLoss, gate.CheckReplace(0, Buy(61), addedQty: 1, NowNs));
        Assert.True(gate.KillSwitch.IsEngaged);
        Assert.True(gate.TryTakeBreach(out RiskBreach breach));
        Assert.Equal(0, breach.StrategyId);
    }

    [Fact]
    public void Drawdown_AndVolatility_RefuseOnlyAnIncrease()
    {
        var gate = Create();
        gate.SetTripsKillSwitch(RejectReason.Drawdown, false);
        Set(gate, LimitType.Drawdown, LimitScope.Portfolio, 0, 500);
        gate.OnPnl(0, 10_000, NowNs);
        gate.OnPnl(0, 9_500, NowNs);
        Assert.Equal(RejectReason.Drawdown, gate.CheckReplace(0, Buy(11), addedQty: 1, NowNs));
        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(9), addedQty: -1, NowNs));

        gate.OnPnl(0, 10_000, NowNs);
        Set(gate, LimitType.Volatility, LimitScope.Instrument, 0, 2_000_000);
        gate.OnVolatility(0, 2_000_001);
        Assert.Equal(RejectReason.Volatility, gate.CheckReplace(0, Buy(11), addedQty: 1, NowNs));
        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(10, Px - Tick0), addedQty: 0, NowNs));
    }

    [Fact]
    public void Liquidity_IsCheckedAgainstWhatTheReplaceAdds()
    {
        var gate = Create();
        Set(gate, LimitType.Liquidity, LimitScope.Instrument, 0, 1_000);
        gate.OnMarketTrade(0, 1_000, NowNs);
        Assert.True(gate.OnOrderAccepted(0, Buy(95), clOrdId: 1));

        // ten percent of 1,000 traded: 100 at most; the replace adds 10 to an order of 95
        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(105), addedQty: 10, NowNs));
        Assert.Equal(RejectReason.Liquidity, gate.CheckReplace(0, Buy(196), addedQty: 101, NowNs));
    }

    [Fact]
    public void Liquidity_DoesNotRefuseADecrease()
    {
        var gate = Create();
        Set(gate, LimitType.Liquidity, LimitScope.Instrument, 0, 1_000);
        gate.OnMarketTrade(0, 100, NowNs);
        Assert.True(gate.OnOrderAccepted(0, Buy(200), clOrdId: 1));

        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(150), addedQty: -50, NowNs));
    }

    [Fact]
    public void MaxOpenOrders_DoesNotApplyToAReplace()
    {
        var gate = Create();
        Set(gate, LimitType.OpenOrders, LimitScope.Strategy, 0, 1);
        Set(gate, LimitType.OpenOrders, LimitScope.Portfolio, 0, 1);
        Assert.True(gate.OnOrderAccepted(0, Buy(60), clOrdId: 1));

        Assert.Equal(RejectReason.MaxOpenOrders, gate.Check(0, Buy(1), NowNs));
        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(70), addedQty: 10, NowNs));
        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(50, Px - Tick0), addedQty: -10, NowNs));
    }

    [Fact]
    public void AcceptedReplaces_SpendOrderRateTokens_RefusedOnesDoNot()
    {
        var gate = Create();
        Set(gate, LimitType.OrderRate, LimitScope.Strategy, 0, 3);
        Set(gate, LimitType.OrderQty, LimitScope.Instrument, 0, 100);

        Assert.Equal(RejectReason.MaxOrderQty, gate.CheckReplace(0, Buy(101), addedQty: 1, NowNs));
        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(10), addedQty: 0, NowNs));
        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(5), addedQty: -5, NowNs));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1), NowNs));
        Assert.Equal(RejectReason.OrderRate, gate.CheckReplace(0, Buy(5), addedQty: -5, NowNs));
        Assert.Equal(RejectReason.OrderRate, gate.Check(0, Buy(1), NowNs));
        Assert.Equal(RejectReason.None, gate.CheckReplace(1, Buy(5), addedQty: -5, NowNs));
        Assert.Equal(4, gate.AcceptedCount);
    }

    [Fact]
    public void SelfTrade_AppliesToTheAmendedPrice()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Sell(5, Px + (2 * Tick0)), clOrdId: 1));
        Assert.True(gate.OnOrderAccepted(0, Buy(5, Px), clOrdId: 2));

        Assert.Equal(RejectReason.None, gate.CheckReplace(0, Buy(5, Px + Tick0), addedQty: 0, NowNs));
        Assert.Equal(RejectReason.SelfTrade, gate.CheckReplace(0, Buy(5, Px + (2 * Tick0)), addedQty: 0, NowNs));
        Assert.Equal(RejectReason.SelfTrade, gate.CheckReplace(0, Buy(1, Px + (3 * Tick0)), addedQty: -4, NowNs));
        // another strategy's resting sell is not ours to avoid
        Assert.Equal(RejectReason.None, gate.CheckReplace(1, Buy(5, Px + (2 * Tick0)), addedQty: 0, NowNs));
    }

    [Fact]
    public void OnReplaceSent_HoldsTheLargerLeaves_OnReplaceRejected_RestoresTheOld()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Buy(60), clOrdId: 1));

        Assert.True(gate.OnReplaceSent(1, newLeavesQty: 80));
        Assert.Equal(80, gate.OpenBuyQty(0));
        Assert.True(gate.OnReplaceRejected(1, leavesQty: 60));
        Assert.Equal(60, gate.OpenBuyQty(0));

        // a decrease keeps the old leaves open until the venue answers: either may be what works there
        Assert.True(gate.OnReplaceSent(1, newLeavesQty: 40));
        Assert.Equal(60, gate.OpenBuyQty(0));
        Assert.True(gate.OnReplaceRejected(1, leavesQty: 60));
        Assert.Equal(60, gate.OpenBuyQty(0));
        Assert.Equal(1, gate.OpenOrders(0));
        Assert.Equal(0, gate.OpenSellQty(0));
    }

    [Fact]
    public void OnReplaceSent_ExposureCountsAgainstTheNextOrder_AndTheSellSideToo()
    {
        var gate = Create();
        Set(gate, LimitType.Position, LimitScope.Instrument, 1, 100);
        Assert.True(gate.OnOrderAccepted(0, Sell(50, Px, 1), clOrdId: 5));
        Assert.True(gate.OnReplaceSent(5, newLeavesQty: 90));
        Assert.Equal(90, gate.OpenSellQty(1));
        Assert.Equal(0, gate.OpenSellQty(0));

        // 90 held short in flight: 10 more is the limit
        Assert.Equal(RejectReason.None, gate.Check(1, Sell(10, Px, 1), NowNs));
        Assert.Equal(RejectReason.PositionLimit, gate.Check(1, Sell(20, Px, 1), NowNs));
        Assert.True(gate.OnReplaceRejected(5, leavesQty: 50));
        Assert.Equal(50, gate.OpenSellQty(1));
        Assert.Equal(RejectReason.None, gate.Check(1, Sell(50, Px, 1), NowNs));
    }

    [Fact]
    public void OnReplaceRejected_AfterAFillInFlight_CountsWhatTheOldTermsHaveLeft()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Buy(60), clOrdId: 1));
        Assert.True(gate.OnReplaceSent(1, newLeavesQty: 80));
        gate.OnFill(0, 1, 0, Side.Buy, 20, Px);
        Assert.Equal(60, gate.OpenBuyQty(0));
        Assert.Equal(20, gate.Position(0));

        Assert.True(gate.OnReplaceRejected(1, leavesQty: 40));
        Assert.Equal(40, gate.OpenBuyQty(0));
        Assert.Equal(1, gate.OpenOrders(0));
    }

    [Fact]
    public void ReplaceHooks_ForAnOrderNotOpen_ReturnFalse_AndChangeNothing()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Buy(60), clOrdId: 1));

        Assert.False(gate.OnReplaceSent(2, 80));
        Assert.False(gate.OnReplaceRejected(2, 10));
        Assert.False(gate.OnReplaced(2, 3, Px, 10));
        Assert.Equal(60, gate.OpenBuyQty(0));
        Assert.Equal(1, gate.PortfolioOpenOrders);
    }

    [Fact]
    public void OnReplaced_ReKeysTheOpenOrder_ToTheNewId()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(1, Sell(50, Px, 1), clOrdId: 10));
        Assert.True(gate.OnReplaceSent(10, newLeavesQty: 70));

        Assert.True(gate.OnReplaced(10, 11, Px, leavesQty: 70));
        Assert.Equal(70, gate.OpenSellQty(1));
        Assert.Equal(1, gate.OpenOrders(1));
        Assert.Equal(1, gate.PortfolioOpenOrders);
        Assert.False(gate.OnOrderClosed(10));
        Assert.False(gate.OnReplaced(10, 12, Px, 10));

        // a fill of the new id reduces its exposure; its last fill closes it
        gate.OnFill(1, 11, 1, Side.Sell, 30, Px);
        Assert.Equal(40, gate.OpenSellQty(1));
        Assert.Equal(-30, gate.Position(1));
        gate.OnFill(1, 11, 1, Side.Sell, 40, Px);
        Assert.Equal(0, gate.OpenSellQty(1));
        Assert.Equal(0, gate.OpenOrders(1));
        Assert.False(gate.OnOrderClosed(11));
    }

    [Fact]
    public void OnReplaced_WithNothingLeft_ClosesTheOrder()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Buy(60), clOrdId: 1));

        Assert.True(gate.OnReplaced(1, 2, Px, leavesQty: 0));
        Assert.Equal(0, gate.OpenBuyQty(0));
        Assert.Equal(0, gate.OpenOrders(0));
        Assert.Equal(0, gate.PortfolioOpenOrders);
        Assert.False(gate.OnOrderClosed(2));
        Assert.False(gate.OnOrderClosed(1));
    }

    [Fact]
    public void OnReplaced_MovesTheRestingPrice_ForSelfTradePrevention()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Sell(5, Px + (2 * Tick0)), clOrdId: 1));
        Assert.Equal(RejectReason.SelfTrade, gate.Check(0, Buy(1, Px + (2 * Tick0)), NowNs));

        Assert.True(gate.OnReplaced(1, 2, Px + (5 * Tick0), leavesQty: 5));
        // crossing only the old price: no longer ours to avoid; crossing the new one: refused
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1, Px + (2 * Tick0)), NowNs));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1, Px + (4 * Tick0)), NowNs));
        Assert.Equal(RejectReason.SelfTrade, gate.Check(0, Buy(1, Px + (5 * Tick0)), NowNs));

        // and back down, below the first price: the buy that crosses it is refused
        Assert.True(gate.OnReplaced(2, 3, Px + Tick0, leavesQty: 5));
        Assert.Equal(RejectReason.SelfTrade, gate.Check(0, Buy(1, Px + Tick0), NowNs));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1, Px), NowNs));
    }

    [Fact]
    public void OnReplaced_OfABuy_MovesTheOwnBestBid_AndKeepsOtherRestingOrders()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Buy(5, Px - (2 * Tick0)), clOrdId: 1));
        Assert.True(gate.OnOrderAccepted(0, Buy(5, Px - (4 * Tick0)), clOrdId: 2));

        Assert.True(gate.OnReplaced(1, 3, Px - (6 * Tick0), leavesQty: 5));
        // the best own bid is now the untouched order at -4 ticks
        Assert.Equal(RejectReason.None, gate.Check(0, Sell(1, Px - (3 * Tick0)), NowNs));
        Assert.Equal(RejectReason.SelfTrade, gate.Check(0, Sell(1, Px - (4 * Tick0)), NowNs));
        Assert.True(gate.OnOrderClosed(2));
        Assert.Equal(RejectReason.None, gate.Check(0, Sell(1, Px - (5 * Tick0)), NowNs));
        Assert.Equal(RejectReason.SelfTrade, gate.Check(0, Sell(1, Px - (6 * Tick0)), NowNs));
    }

    [Fact]
    public void OnReplaced_AtPriceZero_RestsNowhere_SoCrossesNothing()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Sell(5, Px + (2 * Tick0)), clOrdId: 1));

        Assert.True(gate.OnReplaced(1, 2, price: 0, leavesQty: 5));
        Assert.Equal(5, gate.OpenSellQty(0));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1, Px + (50 * Tick0)), NowNs));
    }

    [Fact]
    public void ReplaceCheckAndHooks_AfterWarmUp_DoNotAllocate()
    {
        var gate = Create();
        Set(gate, LimitType.Position, LimitScope.Instrument, 0, 10_000);
        Set(gate, LimitType.OrderRate, LimitScope.Strategy, 0, 1_000_000);
        Set(gate, LimitType.Liquidity, LimitScope.Instrument, 0, 5_000);
        OrderRequest up = Buy(20, Px - Tick0);
        OrderRequest down = Buy(5, Px - (2 * Tick0));
        long before = 0;
        int unexpected = 0;
        for (int round = 0; round < 2; round++)
        {
            // round 0 warms up (JIT); round 1 is measured
            if (round == 1)
            {
                before = GC.GetAllocatedBytesForCurrentThread();
            }

            for (int i = 0; i < 1_000; i++)
            {
                long now = NowNs + (i * 1_000_000L);
                long id = (round * 10_000) + (i * 3) + 1;
                gate.OnMarketTrade(0, 1_000, now);
                gate.OnOrderAccepted(0, Buy(10), id);
                unexpected += gate.CheckReplace(0, in up, 10, now) == RejectReason.None ? 0 : 1;
                unexpected += gate.OnReplaceSent(id, 20) ? 0 : 1;
                unexpected += gate.OnReplaced(id, id + 1, up.Price, 20) ? 0 : 1;
                unexpected += gate.CheckReplace(0, in down, -15, now) == RejectReason.None ? 0 : 1;
                unexpected += gate.OnReplaceSent(id + 1, 5) ? 0 : 1;
                unexpected += gate.OnReplaceRejected(id + 1, 20) ? 0 : 1;
                unexpected += gate.OnOrderClosed(id + 1) ? 0 : 1;
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, unexpected);
        Assert.Equal(0, allocated);
        Assert.Equal(0, gate.PortfolioOpenOrders);
    }
}
