using Llt.Hotpath.Risk;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Risk;

public sealed class RiskLimitsTests
{
    [Fact]
    public void NewLimits_AreUnlimited()
    {
        var limits = new RiskLimits(2, 2);
        Assert.Equal(RiskLimits.Unlimited, limits.Portfolio(LimitType.DailyLoss));
        Assert.Equal(RiskLimits.Unlimited, limits.Instrument(LimitType.OrderQty, 1));
        Assert.Equal(RiskLimits.Unlimited, limits.Strategy(LimitType.OpenOrders, 1));
    }

    [Fact]
    public void SetLimit_Valid_IsAppliedAndUnlimitedRestores()
    {
        var limits = new RiskLimits(2, 2);
        Assert.Null(limits.SetLimit(LimitType.OrderQty, LimitScope.Instrument, 1, 500));
        Assert.Null(limits.SetLimit(LimitType.OpenOrders, LimitScope.Strategy, 1, 3));
        Assert.Null(limits.SetLimit(LimitType.GrossExposure, LimitScope.Portfolio, 0, 0));
        Assert.Equal(500, limits.Instrument(LimitType.OrderQty, 1));
        Assert.Equal(RiskLimits.Unlimited, limits.Instrument(LimitType.OrderQty, 0));
        Assert.Equal(3, limits.Strategy(LimitType.OpenOrders, 1));
        Assert.Equal(0, limits.Portfolio(LimitType.GrossExposure));
        Assert.Null(limits.SetLimit(LimitType.OrderQty, LimitScope.Instrument, 1, RiskLimits.Unlimited));
        Assert.Equal(RiskLimits.Unlimited, limits.Instrument(LimitType.OrderQty, 1));
    }

    [Theory]
    [InlineData(LimitType.OrderQty, LimitScope.Instrument, 0, -1L, "negative")]
    [InlineData(LimitType.OrderQty, LimitScope.Instrument, 2, 1L, "instrumentId 2")]
    [InlineData(LimitType.OrderQty, LimitScope.Instrument, -1, 1L, "instrumentId -1")]
    [InlineData(LimitType.Position, LimitScope.Strategy, 2, 1L, "strategyId 2")]
    [InlineData((LimitType)12, LimitScope.Portfolio, 0, 1L, "unknown limit type")]
    [InlineData(LimitType.OrderQty, (LimitScope)3, 0, 1L, "unknown limit scope")]
    [InlineData(LimitType.DailyLoss, LimitScope.Instrument, 0, 1L, "not read at Instrument")]
    [InlineData(LimitType.OrderQty, LimitScope.Portfolio, 0, 1L, "not read at Portfolio")]
    [InlineData(LimitType.GrossExposure, LimitScope.Strategy, 0, 1L, "not read at Strategy")]
    public void SetLimit_Invalid_IsRefusedWithAReasonAndChangesNothing(LimitType type, LimitScope scope, int id, long value, string why)
    {
        var limits = new RiskLimits(2, 2);
        string? refusal = limits.SetLimit(type, scope, id, value);
        Assert.NotNull(refusal);
        Assert.Contains(why, refusal, StringComparison.Ordinal);
        for (int t = 0; t < RiskLimits.LimitTypeCount; t++)
        {
            Assert.Equal(RiskLimits.Unlimited, limits.Portfolio((LimitType)t));
            Assert.Equal(RiskLimits.Unlimited, limits.Instrument((LimitType)t, 0));
            Assert.Equal(RiskLimits.Unlimited, limits.Strategy((LimitType)t, 0));
        }
    }

    [Fact]
    public void EveryLimitType_IsReadAtLeastOneScope()
    {
        for (int t = 0; t < RiskLimits.LimitTypeCount; t++)
        {
            bool any = RiskLimits.AppliesTo((LimitType)t, LimitScope.Portfolio)
                || RiskLimits.AppliesTo((LimitType)t, LimitScope.Instrument)
                || RiskLimits.AppliesTo((LimitType)t, LimitScope.Strategy);
            Assert.True(any, ((LimitType)t).ToString());
        }
    }
}
