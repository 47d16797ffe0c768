using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Strategies;

public sealed class PendingOrderTrackerTests
{
    private const long TimeoutNs = 1_000;

    private static OrderRequest Buy(int instrumentId, long qty) => OrderRequest.Limit(instrumentId, Side.Buy, qty, 100);

    [Fact]
    public void Submit_TracksTheOrder_OnItsInstrumentOnly()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        long clOrdId = pending.Submit(Buy(1, 10), nowNs: 0);

        Assert.True(clOrdId > 0);
        Assert.Equal(clOrdId, fixture.Intents[0].ClOrdId);
        Assert.True(pending.IsPending(1));
        Assert.False(pending.IsPending(0));
    }

    [Fact]
    public void Submit_WhenTheSlotsAreFull_ReturnsMinusOne_AndTracksNothing()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        for (int i = 0; i < fixture.Intents.Capacity; i++)
        {
            fixture.Context.Submit(Buy(0, 1));
        }

        Assert.Equal(-1, pending.Submit(Buy(0, 10), nowNs: 0));
        Assert.False(pending.IsPending(0));
    }

    [Fact]
    public void PartialFill_KeepsItPending_LastFillReleasesIt_OtherOrdersFillsAreIgnored()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        long clOrdId = pending.Submit(Buy(0, 10), nowNs: 0);

        pending.OnFill(new Fill(clOrdId + 1, 0, Side.Buy, 100, 10, 0, 0));
        pending.OnFill(new Fill(clOrdId, 0, Side.Buy, 100, 4, 0, 0));
        Assert.True(pending.IsPending(0));
        pending.OnFill(new Fill(clOrdId, 0, Side.Buy, 100, 6, 0, 0));
        Assert.False(pending.IsPending(0));
    }

    [Fact]
    public void OnOrderClosed_ReleasesTheInstrumentItWasOn()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        long first = pending.Submit(Buy(0, 10), nowNs: 0);
        long second = pending.Submit(Buy(1, 10), nowNs: 0);

        pending.OnOrderClosed(second);
        Assert.True(pending.IsPending(0));
        Assert.False(pending.IsPending(1));
        pending.OnOrderClosed(first);
        Assert.False(pending.IsPending(0));
    }

    [Fact]
    public void IsPendingAtATime_BeforeTheTimeout_True_AtTheTimeout_CancelsAndForgets()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        long clOrdId = pending.Submit(Buy(0, 10), nowNs: 5_000);
        fixture.Intents.Clear();

        Assert.True(pending.IsPending(0, 5_000 + TimeoutNs - 1));
        Assert.Equal(0, fixture.Intents.Count);
        Assert.False(pending.IsPending(0, 5_000 + TimeoutNs));
        Assert.Equal(1, fixture.Intents.Count);
        Assert.Equal(OrderIntentKind.Cancel, fixture.Intents[0].Kind);
        Assert.Equal(clOrdId, fixture.Intents[0].OrigClOrdId);
        Assert.False(pending.IsPending(0));
    }

    [Fact]
    public void OnTimer_CancelsOnlyTheOrdersPastTheTimeout()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        long old = pending.Submit(Buy(0, 10), nowNs: 0);
        pending.Submit(Buy(1, 10), nowNs: 500);
        fixture.Intents.Clear();

        pending.OnTimer(TimeoutNs);
        Assert.Equal(1, fixture.Intents.Count);
        Assert.Equal(old, fixture.Intents[0].OrigClOrdId);
        Assert.False(pending.IsPending(0));
        Assert.True(pending.IsPending(1));
    }

    [Fact]
    public void NoTimeout_NeverExpires_ReleaseForgetsWithoutACancel()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, PendingOrderTracker.NoTimeout);
        pending.Submit(Buy(0, 10), nowNs: 0);
        fixture.Intents.Clear();

        long aCenturyNs = 100L * 365 * 86_400 * 1_000_000_000;
        pending.OnTimer(aCenturyNs);
        Assert.True(pending.IsPending(0, aCenturyNs));
        pending.Release(0);
        Assert.False(pending.IsPending(0));
        Assert.Equal(0, fixture.Intents.Count);
    }
}
