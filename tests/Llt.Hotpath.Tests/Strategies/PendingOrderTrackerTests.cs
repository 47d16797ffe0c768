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

    [Fact]
    public void ManyWorkingOrders_EachCloseFillAndReleaseForgetsExactlyItsOwn()
    {
        // eight instruments; a random mix of submits, closes (also of orders already gone), last fills and
        // releases, checked against a plain model after every step
        const int Instruments = 8;
        var configs = new List<Llt.Hotpath.Config.InstrumentConfig>();
        for (int i = 0; i < Instruments; i++)
        {
            configs.Add(new Llt.Hotpath.Config.InstrumentConfig { Symbol = "SYM" + i });
        }

        using var table = new Llt.Hotpath.MarketData.InstrumentTable(configs);
        var intents = new OrderIntentBuffer(4);
        var config = new Llt.Hotpath.Config.StrategyConfig
        {
            Name = "s", Type = "any", Instruments = [.. configs.Select(c => c.Symbol)], MaxPosition = 1_000,
        };
        var context = new StrategyContext(0, config, [.. Enumerable.Range(0, Instruments)], table, intents, new ClientOrderIds(1), new Llt.Hotpath.Runtime.ManualNanoClock());
        var pending = new PendingOrderTracker(context, PendingOrderTracker.NoTimeout);
        var working = new long[Instruments];
        var closed = new List<long>();
        var random = new Random(7);
        for (int step = 0; step < 5_000; step++)
        {
            intents.Clear();
            int id = random.Next(Instruments);
            switch (random.Next(4))
            {
                case 0:
                    working[id] = pending.Submit(Buy(id, 10), nowNs: step);
                    break;
                case 1 when working[id] != 0:
                    pending.OnOrderClosed(working[id]);
                    closed.Add(working[id]);
                    working[id] = 0;
                    break;
                case 1 when closed.Count > 0:
                    pending.OnOrderClosed(closed[random.Next(closed.Count)]);
                    break;
                case 2 when working[id] != 0:
                    pending.OnFill(new Fill(working[id], id, Side.Buy, 100, 10, 0, step));
                    working[id] = 0;
                    break;
                case 3:
                    pending.Release(id);
                    working[id] = 0;
                    break;
            }

            for (int i = 0; i < Instruments; i++)
            {
                Assert.Equal(working[i] != 0, pending.IsPending(i));
            }
        }
    }
}
