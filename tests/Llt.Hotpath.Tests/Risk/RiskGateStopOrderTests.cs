using Llt.Hotpath.Risk;
using Llt.Hotpath.Strategies;
using Llt.Sbe;
using static Llt.Hotpath.Tests.Risk.RiskGateFixture;

namespace Llt.Hotpath.Tests.Risk;

/// <summary>
/// Pre-trade risk on stop, stop-limit and trailing-stop orders: valued and collared at their trigger (a trailing
/// stop's starts at the reference ∓ trail), a stop-limit's limit collared too; trigger terms validated with their
/// own reasons; an untriggered stop rests nowhere, so it is no self-trade at entry.
/// </summary>
public sealed class RiskGateStopOrderTests
{
    public static TheoryData<OrderRequest, RejectReason> Terms() => new()
    {
        { OrderRequest.Stop(0, Side.Sell, 1, Px - Tick0), RejectReason.None },
        { OrderRequest.Stop(0, Side.Sell, 1, OrderRequest.NoPrice), RejectReason.InvalidStopPrice },
        { OrderRequest.Stop(0, Side.Sell, 1, 0), RejectReason.InvalidStopPrice },
        { OrderRequest.Stop(0, Side.Sell, 1, Px - 1), RejectReason.InvalidStopPrice },          // off the 0.01 grid
        { OrderRequest.Stop(1, Side.Buy, 10, Px + Tick0), RejectReason.InvalidStopPrice },      // instrument 1 ticks 0.05
        { OrderRequest.StopLimit(0, Side.Buy, 1, Px + Tick0, Px + (2 * Tick0)), RejectReason.None },
        { OrderRequest.StopLimit(0, Side.Buy, 1, Px + Tick0, OrderRequest.NoPrice), RejectReason.InvalidPrice },
        { OrderRequest.StopLimit(0, Side.Buy, 1, Px + Tick0, Px + 1), RejectReason.InvalidPrice },
        { OrderRequest.TrailingStop(0, Side.Sell, 1, 50 * Tick0), RejectReason.None },
        { OrderRequest.TrailingStopBps(0, Side.Sell, 1, 150), RejectReason.None },
        { OrderRequest.TrailingStop(0, Side.Sell, 1, 0), RejectReason.InvalidTrail },
        { OrderRequest.TrailingStop(0, Side.Sell, 1, Tick0 + 1), RejectReason.InvalidTrail },  // off the grid
        { OrderRequest.TrailingStopBps(0, Side.Sell, 1, 0), RejectReason.InvalidTrail },
        { OrderRequest.TrailingStopBps(0, Side.Sell, 1, 10_000), RejectReason.InvalidTrail },
        { OrderRequest.TrailingStop(0, Side.Sell, 1, Tick0) with { TrailBps = 10 }, RejectReason.InvalidTrail },
        { OrderRequest.TrailingStop(0, Side.Sell, 1, Px), RejectReason.InvalidTrail },         // would trigger at 0
    };

    [Theory]
    [MemberData(nameof(Terms))]
    public void TriggerTerms_AreValidated_WithTheirOwnReasons(OrderRequest order, RejectReason expected)
    {
        var gate = Create();
        Assert.Equal(expected, gate.Check(0, order, NowNs));
        if (expected != RejectReason.None)
        {
            Assert.Equal(1, gate.RejectCounts[(int)expected]);
        }
    }

    [Theory]
    [InlineData(Px, RejectReason.None)]                 // 100 x 100.00 = the limit
    [InlineData(Px + Tick0, RejectReason.MaxNotional)]  // valued at the stop, not at the 100.00 reference
    public void Notional_OfAStop_IsValuedAtItsStopPrice(long stopPrice, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.Notional, LimitScope.Instrument, 0, 100 * Px);
        Assert.Equal(expected, gate.Check(0, OrderRequest.Stop(0, Side.Buy, 100, stopPrice), NowNs));
    }

    [Fact]
    public void Notional_OfAStopLimit_IsValuedAtTheHigherOfStopAndLimit()
    {
        var gate = Create();
        Set(gate, LimitType.Notional, LimitScope.Instrument, 0, 100 * Px);
        Assert.Equal(RejectReason.MaxNotional, gate.Check(0, OrderRequest.StopLimit(0, Side.Buy, 100, Px - Tick0, Px + Tick0), NowNs));
        Assert.Equal(RejectReason.None, gate.Check(0, OrderRequest.StopLimit(0, Side.Sell, 100, Px, Px - Tick0), NowNs));
    }

    [Theory]
    [InlineData(100_000_000, RejectReason.None)]          // stop 1.00 from the 100.00 reference: on the 1% collar
    [InlineData(101_000_000, RejectReason.PriceCollar)]
    [InlineData(-101_000_000, RejectReason.PriceCollar)]
    public void PriceCollar_AppliesToTheStopPrice(long offset, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.PriceCollar, LimitScope.Instrument, 0, 100);
        Assert.Equal(expected, gate.Check(0, OrderRequest.Stop(0, offset > 0 ? Side.Buy : Side.Sell, 1, Px + offset), NowNs));
    }

    [Fact]
    public void PriceCollar_OfAStopLimit_AppliesToItsLimitToo()
    {
        var gate = Create();
        Set(gate, LimitType.PriceCollar, LimitScope.Instrument, 0, 100);
        Assert.Equal(RejectReason.PriceCollar, gate.Check(0, OrderRequest.StopLimit(0, Side.Buy, 1, Px + Tick0, Px + (200 * Tick0)), NowNs));
    }

    [Theory]
    [InlineData(100 * Tick0, RejectReason.None)]  // trigger starts at 99.00: on the 1% collar
    [InlineData(101 * Tick0, RejectReason.PriceCollar)]
    public void TrailingStop_IsCollaredAtItsStartingTrigger_ReferenceMinusTrail(long trail, RejectReason expected)
    {
        var gate = Create();
        Set(gate, LimitType.PriceCollar, LimitScope.Instrument, 0, 100);
        Assert.Equal(expected, gate.Check(0, OrderRequest.TrailingStop(0, Side.Sell, 1, trail), NowNs));
    }

    [Fact]
    public void TrailingStopInBps_IsValuedAtReferencePlusTrail_ForABuy()
    {
        var gate = Create();
        // 1% above 100.00 = 101.00 a unit: 99 units fit under 100 x 100.00 … 100 units do not
        Set(gate, LimitType.Notional, LimitScope.Instrument, 0, 100 * Px);
        Assert.Equal(RejectReason.None, gate.Check(0, OrderRequest.TrailingStopBps(0, Side.Buy, 99, 100), NowNs));
        Assert.Equal(RejectReason.MaxNotional, gate.Check(0, OrderRequest.TrailingStopBps(0, Side.Buy, 100, 100), NowNs));
    }

    [Fact]
    public void TrailingStop_WithoutAReferencePrice_CannotBeValued()
    {
        var gate = new RiskGate(new RiskLimits(2, 2), new KillSwitch(), [Tick0, Tick1], [1, 10], 2, new RiskGateOptions());
        Assert.Equal(RejectReason.InvalidPrice, gate.Check(0, OrderRequest.TrailingStop(0, Side.Sell, 1, Tick0), NowNs));
        Assert.Equal(RejectReason.None, gate.Check(0, OrderRequest.Stop(0, Side.Sell, 1, Px), NowNs));
    }

    [Fact]
    public void UntriggeredStop_IsNoSelfTrade_AndBlocksNoLaterOrder()
    {
        var gate = Create();
        Assert.True(gate.OnOrderAccepted(0, Buy(5, Px - Tick0), clOrdId: 1));
        // a protective sell stop under our own resting bid: it rests nowhere until triggered
        OrderRequest stop = OrderRequest.Stop(0, Side.Sell, 5, Px - (5 * Tick0));
        Assert.Equal(RejectReason.None, gate.Check(0, stop, NowNs));
        Assert.True(gate.OnOrderAccepted(0, stop, clOrdId: 2));
        Assert.Equal(5, gate.OpenSellQty(0));
        // the stop's price is no resting ask: a buy above it is fine
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1, Px), NowNs));
    }
}
