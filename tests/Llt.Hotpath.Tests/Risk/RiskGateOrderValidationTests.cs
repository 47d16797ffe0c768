using Llt.Hotpath.Strategies;
using Llt.Sbe;
using static Llt.Hotpath.Tests.Risk.RiskGateFixture;

namespace Llt.Hotpath.Tests.Risk;

public sealed class RiskGateOrderValidationTests
{
    [Fact]
    public void Check_PlainOrderWithAllLimitsUnlimited_Passes()
    {
        var gate = Create();
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1), NowNs));
        Assert.Equal(RejectReason.None, gate.Check(1, OrderRequest.Market(1, Side.Sell, 10), NowNs));
        Assert.Equal(2, gate.AcceptedCount);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Check_UnknownInstrument_IsRejected(int instrumentId)
    {
        var gate = Create();
        Assert.Equal(RejectReason.UnknownInstrument, gate.Check(0, Buy(1, Px, instrumentId), NowNs));
        Assert.Equal(1, gate.RejectCounts[(int)RejectReason.UnknownInstrument]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Check_UnknownStrategy_IsRejected(int strategyId)
    {
        Assert.Equal(RejectReason.UnknownStrategy, Create().Check(strategyId, Buy(1), NowNs));
    }

    [Theory]
    [InlineData(0, 0, RejectReason.InvalidQty)]
    [InlineData(0, -5, RejectReason.InvalidQty)]
    [InlineData(1, 5, RejectReason.InvalidQty)]
    [InlineData(1, 15, RejectReason.InvalidQty)]
    [InlineData(1, 20, RejectReason.None)]
    [InlineData(0, 7, RejectReason.None)]
    public void Check_QtyMustBePositiveWholeLots(int instrumentId, long qty, RejectReason expected)
    {
        Assert.Equal(expected, Create().Check(0, Buy(qty, Px, instrumentId), NowNs));
    }

    [Fact]
    public void Check_UndefinedSide_IsRejectedAsInvalidQty()
    {
        var order = new OrderRequest(0, (Side)'9', 1, Px);
        Assert.Equal(RejectReason.InvalidQty, Create().Check(0, order, NowNs));
    }

    [Theory]
    [InlineData(0, 0L, RejectReason.InvalidPrice)]
    [InlineData(0, -10_000_000_000L, RejectReason.InvalidPrice)]
    [InlineData(0, Px + 1, RejectReason.InvalidPrice)]
    [InlineData(0, Px + Tick0, RejectReason.None)]
    [InlineData(1, Px + Tick0, RejectReason.InvalidPrice)]
    [InlineData(1, Px + Tick1, RejectReason.None)]
    public void Check_LimitPriceMustBePositiveAndOnTheTickGrid(int instrumentId, long price, RejectReason expected)
    {
        long qty = instrumentId == 1 ? 10 : 1;
        Assert.Equal(expected, Create().Check(0, Buy(qty, price, instrumentId), NowNs));
    }

    [Fact]
    public void Check_MarketOrderWithoutReferencePrice_IsRejectedAsInvalidPrice()
    {
        var limits = new Hotpath.Risk.RiskLimits(1, 1);
        var gate = new Hotpath.Risk.RiskGate(limits, new Hotpath.Risk.KillSwitch(), [Tick0], [1], 1, new Hotpath.Risk.RiskGateOptions());
        Assert.Equal(RejectReason.InvalidPrice, gate.Check(0, OrderRequest.Market(0, Side.Buy, 1), NowNs));
        gate.OnMark(0, Px);
        Assert.Equal(RejectReason.None, gate.Check(0, OrderRequest.Market(0, Side.Buy, 1), NowNs));
    }

    [Fact]
    public void Check_HaltedInstrument_IsRejectedUntilResumed()
    {
        var gate = Create();
        Assert.True(gate.SetHalted(0, true));
        Assert.Equal(RejectReason.InstrumentHalted, gate.Check(0, Buy(1), NowNs));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(10, Px, 1), NowNs));
        Assert.True(gate.SetHalted(0, false));
        Assert.Equal(RejectReason.None, gate.Check(0, Buy(1), NowNs));
        Assert.False(gate.SetHalted(5, true));
    }
}
