using Llt.Hotpath.Config;
using Llt.Hotpath.Journal;
using Llt.Sbe;
using Llt.Shell.Hosting;

namespace Llt.Shell.Tests.Hosting;

/// <summary>The journal replayed into orders, positions, limits, strategies and venues, from frames written here as the engine writes them.</summary>
public sealed class JournalProjectionTests : IDisposable
{
    private const long ParentId = 1000;
    private readonly string _dir = Directory.CreateTempSubdirectory("llt-projection-").FullName;
    private readonly byte[] _buffer = new byte[1024];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private EngineConfig Config => new() { Journal = new JournalConfig { Directory = Path.Combine(_dir, "journal") } };

    private void Write(Action<ExclusiveJournalWriter, byte[]> frames)
    {
        using var writer = ExclusiveJournalWriter.Open(new JournalOptions { Directory = Config.Journal.Directory, SegmentLength = 1 << 20, PreTouch = false });
        frames(writer, _buffer);
    }

    private static void NewOrder(ExclusiveJournalWriter w, byte[] b)
    {
        var order = NewOrderEncoder.WrapAndApplyHeader(b, 0);
        order.SetClOrdId(ParentId);
        order.SetInstrumentId(1);
        order.SetStrategyId(1);
        order.SetVenueId(NewOrderEncoder.VenueIdNullValue);
        order.SetSide(Side.Buy);
        order.SetOrdType(OrdType.Limit);
        order.SetTimeInForce(TimeInForce.Day);
        order.SetExecInst(ExecInst.None);
        order.SetPrice(410_00000000);
        order.SetStopPrice(NewOrderEncoder.StopPriceNullValue);
        order.SetQty(100);
        w.Append(NewOrderEncoder.TemplateId, b.AsSpan(0, NewOrderEncoder.HeaderLength + NewOrderEncoder.BlockLength), 1);
    }

    private static void Route(ExclusiveJournalWriter w, byte[] b)
    {
        var route = RouteDecisionEncoder.WrapAndApplyHeader(b, 0);
        route.SetParentClOrdId(ParentId);
        route.SetInstrumentId(1);
        route.SetSide(Side.Buy);
        route.SetQty(100);
        var legs = route.LegsCount(2);
        legs.Next();
        legs.SetClOrdId(ParentId + 1);
        legs.SetVenueId(0);
        legs.SetPrice(410_00000000);
        legs.SetQty(60);
        legs.Next();
        legs.SetClOrdId(ParentId + 2);
        legs.SetVenueId(1);
        legs.SetPrice(410_00000000);
        legs.SetQty(40);
        w.Append(RouteDecisionEncoder.TemplateId, b.AsSpan(0, RouteDecisionEncoder.HeaderLength + route.EncodedLength), 2);
    }

    private static void Report(ExclusiveJournalWriter w, byte[] b, long clOrdId, OrdStatus status, long orderQty, long lastQty)
    {
        var report = ExecutionReportEncoder.WrapAndApplyHeader(b, 0);
        report.SetClOrdId((ulong)clOrdId);
        report.SetVenueOrderId((ulong)clOrdId);
        report.SetInstrumentId(1);
        report.SetStrategyId(1);
        report.SetVenueId(0);
        report.SetExecType(lastQty > 0 ? ExecType.Fill : ExecType.New);
        report.SetOrdStatus(status);
        report.SetSide(Side.Buy);
        report.SetRejectReason(RejectReason.None);
        report.SetPrice(410_00000000);
        report.SetOrderQty(orderQty);
        report.SetCumQty(lastQty);
        report.SetLeavesQty(orderQty - lastQty);
        report.SetAvgPx(lastQty > 0 ? 410_00000000 : ExecutionReportEncoder.AvgPxNullValue);
        var fills = report.FillsCount(lastQty > 0 ? 1 : 0);
        if (lastQty > 0)
        {
            fills.Next();
            fills.SetLastPx(410_00000000);
            fills.SetLastQty(lastQty);
            fills.SetFee(0);
            fills.SetTradeId(1);
            fills.SetLiquidity(Liquidity.Taker);
        }

        report.SetText("");
        w.Append(ExecutionReportEncoder.TemplateId, b.AsSpan(0, ExecutionReportEncoder.HeaderLength + report.EncodedLength), 3);
    }

    /// <summary>Feeds <paramref name="projection"/> every frame of the test's journal, in order.</summary>
    private void ApplyJournal(JournalProjection projection)
    {
        using JournalTailer tailer = JournalTailer.OpenAtStart(Config.Journal.Directory);
        while (tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
        {
            projection.Apply(frame);
        }
    }

    [Fact]
    public void Replay_RoutedOrder_TracksEachLeg_UnderTheStrategy_AndDropsTheParent()
    {
        Write((w, b) =>
        {
            NewOrder(w, b);
            Route(w, b);
            Report(w, b, ParentId + 1, OrdStatus.Filled, 60, 60);
            Report(w, b, ParentId + 2, OrdStatus.New, 40, 0);
        });

        using JournalProjection p = JournalProjection.Replay(Config, out string? error)!;

        Assert.Null(error);
        OrderRow open = Assert.Single(p.OpenOrders);
        Assert.Equal(ParentId + 2, open.ClOrdId);
        Assert.Equal(ParentId, open.ParentClOrdId);
        Assert.Equal(1, open.StrategyId);
        Assert.Equal(40, open.LeavesQty);
        OrderRow filled = Assert.Single(p.ClosedOrders);
        Assert.Equal(ParentId + 1, filled.ClOrdId);
        Assert.Equal(OrdStatus.Filled, filled.Status);
        PositionRow position = Assert.Single(p.Positions());
        Assert.Equal(("momentum_breakout", "MSFT", 60L, 410_00000000L), (position.Strategy, position.Symbol, position.Quantity, position.AveragePrice));
        Assert.Equal(1, p.OrdersSeen);
        Assert.Equal(1, p.Fills);
    }

    [Fact]
    public void Replay_AppliedControlCommands_SetLimitsStrategiesAndVenues_LatestWins()
    {
        Write((w, b) =>
        {
            foreach ((long value, string source) in new[] { (700L, "cli:a@h"), (500L, "cli:b@h") })
            {
                var limit = SetLimitEncoder.WrapAndApplyHeader(b, 0);
                limit.SetCorrelationId(1);
                limit.SetLimitType(LimitType.Position);
                limit.SetScope(LimitScope.Instrument);
                limit.SetStrategyId(SetLimitEncoder.StrategyIdNullValue);
                limit.SetInstrumentId(2);
                limit.SetValue(value);
                limit.SetSource(source);
                w.Append(SetLimitEncoder.TemplateId, b.AsSpan(0, SetLimitEncoder.HeaderLength + limit.EncodedLength), 1);
            }

            var strategy = StrategyControlEncoder.WrapAndApplyHeader(b, 0);
            strategy.SetCorrelationId(2);
            strategy.SetStrategyId(0);
            strategy.SetAction(StrategyAction.Disable);
            strategy.SetSource("cli:c@h");
            w.Append(StrategyControlEncoder.TemplateId, b.AsSpan(0, StrategyControlEncoder.HeaderLength + strategy.EncodedLength), 2);

            var venue = VenueControlEncoder.WrapAndApplyHeader(b, 0);
            venue.SetCorrelationId(3);
            venue.SetVenueId(1);
            venue.SetStatus(VenueStatus.Down);
            venue.SetSource("cli:d@h");
            w.Append(VenueControlEncoder.TemplateId, b.AsSpan(0, VenueControlEncoder.HeaderLength + venue.EncodedLength), 3);
        });

        using JournalProjection p = JournalProjection.Replay(Config, out _)!;

        LimitRow googl = p.Limits.Single(l => l.Kind.Name == "position" && l.Target == "GOOGL");
        Assert.Equal(500m, googl.Value);
        Assert.Equal("cli:b@h", googl.Source);
        LimitRow aapl = p.Limits.Single(l => l.Kind.Name == "position" && l.Target == "AAPL");
        Assert.Equal(10_000m, aapl.Value);
        Assert.Equal("llt.json", aapl.Source);
        Assert.False(p.Strategies[0].Enabled);
        Assert.Equal("cli:c@h", p.Strategies[0].Source);
        Assert.True(p.Strategies[1].Enabled);
        Assert.True(p.Venues[0].Up);
        Assert.False(p.Venues[1].Up);
    }

    [Fact]
    public void FeedSwitches_AreCountedAndReported_WithTheStateTheOldFeedWasIn()
    {
        Write((w, b) =>
        {
            foreach ((int from, int to, FeedState state) in new[] { (1, 2, FeedState.Stale), (2, 1, FeedState.Healthy) })
            {
                var feedSwitch = FeedSwitchEncoder.WrapAndApplyHeader(b, 0);
                feedSwitch.SetInstrumentId(0);
                feedSwitch.SetFromFeedId((byte)from);
                feedSwitch.SetToFeedId((byte)to);
                feedSwitch.SetFromState(state);
                feedSwitch.SetTs(1);
                w.Append(FeedSwitchEncoder.TemplateId, b.AsSpan(0, FeedSwitchEncoder.HeaderLength + feedSwitch.EncodedLength), 1);
            }
        });

        var seen = new List<FeedSwitchRow>();
        using var p = new JournalProjection(Config) { FeedSwitched = seen.Add };
        ApplyJournal(p);

        Assert.Equal(2, p.FeedSwitches);
        Assert.Equal([(1, 2, FeedState.Stale, 1L), (2, 1, FeedState.Healthy, 2L)], seen.Select(s => (s.FromFeedId, s.ToFeedId, s.FromState, s.Sequence)));
    }

    [Fact]
    public void FeedGapsRecoveriesAndDowns_AreReported_AndGapsCounted()
    {
        Write((w, b) =>
        {
            foreach ((FeedSignal signal, ulong next, ulong lost) in new[] { (FeedSignal.Gap, 1_001UL, 40UL), (FeedSignal.Recovered, 1_050UL, 0UL), (FeedSignal.Down, 0UL, 0UL) })
            {
                var health = FeedHealthEncoder.WrapAndApplyHeader(b, 0);
                health.SetFeedId(3);
                health.SetSignal(signal);
                health.SetSequence(next);
                health.SetGapCount(lost);
                health.SetReceiveTs(7);
                w.Append(FeedHealthEncoder.TemplateId, b.AsSpan(0, FeedHealthEncoder.HeaderLength + health.EncodedLength), 1);
            }
        });

        var seen = new List<FeedHealthRow>();
        using var p = new JournalProjection(Config) { FeedHealthReported = seen.Add };
        ApplyJournal(p);

        Assert.Equal(1, p.FeedGaps);
        Assert.Equal(
            [(3, FeedSignal.Gap, 1_001L, 40L, 1L), (3, FeedSignal.Recovered, 1_050L, 0L, 2L), (3, FeedSignal.Down, 0L, 0L, 3L)],
            seen.Select(s => (s.FeedId, s.Signal, s.NextSequence, s.GapCount, s.Sequence)));
    }

    [Fact]
    public void Replay_WithoutAJournal_SaysSo()
    {
        Assert.Null(JournalProjection.Replay(Config, out string? error));
        Assert.Contains("no journal at", error);
    }
}
