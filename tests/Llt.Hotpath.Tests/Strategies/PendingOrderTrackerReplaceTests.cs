using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Strategies;

/// <summary>
/// Amending the tracked order (<see cref="PendingOrderTracker.Replace"/>) and its answer
/// (<see cref="PendingOrderTracker.OnOrderReplaced"/>), and the intent <see cref="StrategyContext.Replace"/> leaves.
/// </summary>
public sealed class PendingOrderTrackerReplaceTests
{
    private const long TimeoutNs = 1_000;

    private static OrderRequest Buy(int instrumentId, long qty) => OrderRequest.Limit(instrumentId, Side.Buy, qty, 100);

    private static Fill FillOf(long clOrdId, int instrumentId, long qty) => new(clOrdId, instrumentId, Side.Buy, 100, qty, 0, 0);

    [Fact]
    public void Replace_LeavesAReplaceIntent_ForTheTrackedOrder()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        long clOrdId = pending.Submit(Buy(1, 10), nowNs: 0);
        fixture.Intents.Clear();

        Assert.True(pending.Replace(1, price: 105, qty: 15, nowNs: 10));

        Assert.Equal(1, fixture.Intents.Count);
        OrderIntent intent = fixture.Intents[0];
        Assert.Equal(OrderIntentKind.Replace, intent.Kind);
        Assert.Equal(clOrdId, intent.OrigClOrdId);
        Assert.NotEqual(clOrdId, intent.ClOrdId);
        Assert.True(intent.ClOrdId > 0);
        Assert.Equal(0, intent.StrategyId);
        Assert.Equal((1, 105L, 15L), (intent.Request.InstrumentId, intent.Request.Price, intent.Request.Qty));
        Assert.True(pending.IsPending(1));
    }

    [Fact]
    public void Replace_WithNoOrderWorking_IsFalse_AndLeavesNoIntent()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        pending.Submit(Buy(0, 10), nowNs: 0);
        fixture.Intents.Clear();

        Assert.False(pending.Replace(1, 105, 15, nowNs: 0));
        Assert.Equal(0, fixture.Intents.Count);
    }

    [Fact]
    public void SecondReplace_BeforeTheAnswer_IsFalse_AfterTheAnswer_IsSent()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        long clOrdId = pending.Submit(Buy(0, 10), nowNs: 0);
        fixture.Intents.Clear();

        Assert.True(pending.Replace(0, 101, 12, nowNs: 1));
        Assert.False(pending.Replace(0, 102, 14, nowNs: 2));
        Assert.Equal(1, fixture.Intents.Count);

        pending.OnOrderReplaced(clOrdId, rejected: true);
        Assert.True(pending.Replace(0, 102, 14, nowNs: 3));
        Assert.Equal(2, fixture.Intents.Count);
        Assert.Equal(14, fixture.Intents[1].Request.Qty);
    }

    [Fact]
    public void AppliedIncrease_MovesWhatIsLeftToTheNewTotalLessTheFilled()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        long clOrdId = pending.Submit(Buy(0, 10), nowNs: 0);
        pending.OnFill(FillOf(clOrdId, 0, 4));

        Assert.True(pending.Replace(0, 101, 20, nowNs: 1));
        pending.OnOrderReplaced(clOrdId, rejected: false);

        // 20 in all, 4 filled: 16 to go; the old terms' 6 no longer release it
        pending.OnFill(FillOf(clOrdId, 0, 6));
        Assert.True(pending.IsPending(0));
        pending.OnFill(FillOf(clOrdId, 0, 9));
        Assert.True(pending.IsPending(0));
        pending.OnFill(FillOf(clOrdId, 0, 1));
        Assert.False(pending.IsPending(0));
    }

    [Fact]
    public void AppliedDecrease_ALaterFillOfTheNewRemainderForgetsTheOrder()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        long clOrdId = pending.Submit(Buy(0, 10), nowNs: 0);
        pending.OnFill(FillOf(clOrdId, 0, 2));

        Assert.True(pending.Replace(0, 100, 5, nowNs: 1));
        pending.OnOrderReplaced(clOrdId, rejected: false);

        pending.OnFill(FillOf(clOrdId, 0, 3));
        Assert.False(pending.IsPending(0));
    }

    [Fact]
    public void FillsWhileTheReplaceIsInFlight_CountTowardTheNewTotal()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        long clOrdId = pending.Submit(Buy(0, 10), nowNs: 0);

        Assert.True(pending.Replace(0, 100, 20, nowNs: 1));
        pending.OnFill(FillOf(clOrdId, 0, 7));
        pending.OnOrderReplaced(clOrdId, rejected: false);

        pending.OnFill(FillOf(clOrdId, 0, 12));
        Assert.True(pending.IsPending(0));
        pending.OnFill(FillOf(clOrdId, 0, 1));
        Assert.False(pending.IsPending(0));
    }

    [Fact]
    public void AppliedReplace_DownToWhatIsFilled_ForgetsTheOrder()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        long clOrdId = pending.Submit(Buy(0, 10), nowNs: 0);

        Assert.True(pending.Replace(0, 100, 6, nowNs: 1));
        // fills raced the replace up to its new total
        pending.OnFill(FillOf(clOrdId, 0, 6));
        Assert.True(pending.IsPending(0));
        pending.OnOrderReplaced(clOrdId, rejected: false);
        Assert.False(pending.IsPending(0));
    }

    [Fact]
    public void RejectedReplace_KeepsTheOldQty()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        long clOrdId = pending.Submit(Buy(0, 10), nowNs: 0);
        pending.OnFill(FillOf(clOrdId, 0, 4));

        Assert.True(pending.Replace(0, 101, 20, nowNs: 1));
        pending.OnOrderReplaced(clOrdId, rejected: true);

        pending.OnFill(FillOf(clOrdId, 0, 6));
        Assert.False(pending.IsPending(0));
    }

    [Fact]
    public void AnswerForAnotherOrder_ChangesNothing()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        long clOrdId = pending.Submit(Buy(0, 10), nowNs: 0);
        Assert.True(pending.Replace(0, 101, 20, nowNs: 1));

        pending.OnOrderReplaced(clOrdId + 100, rejected: false);
        Assert.False(pending.Replace(0, 101, 30, nowNs: 2));
        pending.OnFill(FillOf(clOrdId, 0, 10));
        Assert.False(pending.IsPending(0));
    }

    [Fact]
    public void Replace_RestartsTheTimeout()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        long clOrdId = pending.Submit(Buy(0, 10), nowNs: 0);
        Assert.True(pending.Replace(0, 101, 20, nowNs: 900));
        fixture.Intents.Clear();

        Assert.True(pending.IsPending(0, 900 + TimeoutNs - 1));
        pending.OnTimer(900 + TimeoutNs - 1);
        Assert.Equal(0, fixture.Intents.Count);
        Assert.False(pending.IsPending(0, 900 + TimeoutNs));
        Assert.Equal(1, fixture.Intents.Count);
        Assert.Equal(OrderIntentKind.Cancel, fixture.Intents[0].Kind);
        Assert.Equal(clOrdId, fixture.Intents[0].OrigClOrdId);
    }

    [Fact]
    public void Replace_WhenTheSlotsAreFull_IsFalse_AndTheNextReplaceMayTry()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        var pending = new PendingOrderTracker(fixture.Context, TimeoutNs);
        long clOrdId = pending.Submit(Buy(0, 10), nowNs: 0);
        while (fixture.Intents.Count < fixture.Intents.Capacity)
        {
            fixture.Context.Submit(Buy(1, 1));
        }

        Assert.False(pending.Replace(0, 101, 20, nowNs: 1));
        fixture.Intents.Clear();
        Assert.True(pending.Replace(0, 101, 20, nowNs: 2));
        Assert.Equal(clOrdId, fixture.Intents[0].OrigClOrdId);
    }

    [Fact]
    public void StrategyContextReplace_WhenTheSlotsAreFull_IsFalse_AndCountedRefused()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        while (fixture.Intents.Count < fixture.Intents.Capacity)
        {
            fixture.Context.Submit(Buy(1, 1));
        }

        long refused = fixture.Context.OrdersRefused;
        long submitted = fixture.Context.OrdersSubmitted;
        Assert.False(fixture.Context.Replace(5, 0, 101, 20));
        Assert.Equal(refused + 1, fixture.Context.OrdersRefused);
        Assert.Equal(submitted, fixture.Context.OrdersSubmitted);
        Assert.Equal(fixture.Intents.Capacity, fixture.Intents.Count);

        fixture.Intents.Clear();
        Assert.True(fixture.Context.Replace(5, 0, 101, 20));
        Assert.Equal(refused + 1, fixture.Context.OrdersRefused);
        Assert.Equal(OrderIntentKind.Replace, fixture.Intents[0].Kind);
        Assert.Equal(5, fixture.Intents[0].OrigClOrdId);
    }

    [Fact]
    public void StrategyContextReplace_TakesAFreshRequestId_EachTime()
    {
        using var fixture = new StrategyBuildingBlockFixture();
        long order = fixture.Context.Submit(Buy(0, 10));

        Assert.True(fixture.Context.Replace(order, 0, 101, 20));
        Assert.True(fixture.Context.Replace(order, 0, 102, 20));
        long next = fixture.Context.Submit(Buy(0, 10));

        long first = fixture.Intents[1].ClOrdId, second = fixture.Intents[2].ClOrdId;
        Assert.Equal(4, new HashSet<long> { order, first, second, next }.Count);
        Assert.True(order < first && first < second && second < next);
    }
}
