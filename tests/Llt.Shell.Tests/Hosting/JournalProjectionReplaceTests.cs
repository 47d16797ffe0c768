using Llt.Hotpath.Config;
using Llt.Hotpath.Journal;
using Llt.Sbe;
using Llt.Shell.Hosting;

namespace Llt.Shell.Tests.Hosting;

/// <summary>
/// Replaces in the projected orders: a ReplaceOrder followed by an ExecutionReport Replaced under its id moves the
/// order to the new id and terms and ends the old id as Replaced; a refused replace (ExecutionReport Rejected whose
/// status is not Rejected) is counted and leaves the order as it was.
/// </summary>
public sealed class JournalProjectionReplaceTests : IDisposable
{
    private const long Price = 410_00000000;
    private const long NewPrice = 411_00000000;
    private readonly string _dir = Directory.CreateTempSubdirectory("llt-projection-replace-").FullName;
    private readonly byte[] _buffer = new byte[1024];
    private long _sequence;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private EngineConfig Config => new() { Journal = new JournalConfig { Directory = Path.Combine(_dir, "journal") } };

    private JournalProjection Replay(Action<ExclusiveJournalWriter> frames)
    {
        using (var writer = ExclusiveJournalWriter.Open(new JournalOptions { Directory = Config.Journal.Directory, SegmentLength = 1 << 20, PreTouch = false }))
        {
            frames(writer);
        }

        JournalProjection? projection = JournalProjection.Replay(Config, out string? error);
        Assert.Null(error);
        return projection!;
    }

    private long NextTs() => ++_sequence * 1_000;

    private void NewOrder(ExclusiveJournalWriter w, long clOrdId, long qty)
    {
        var order = NewOrderEncoder.WrapAndApplyHeader(_buffer, 0);
        order.SetClOrdId((ulong)clOrdId);
        order.SetInstrumentId(1);
        order.SetStrategyId(1);
        order.SetVenueId(NewOrderEncoder.VenueIdNullValue);
        order.SetSide(Side.Buy);
        order.SetOrdType(OrdType.Limit);
        order.SetTimeInForce(TimeInForce.Day);
        order.SetExecInst(ExecInst.None);
        order.SetPrice(Price);
        order.SetStopPrice(NewOrderEncoder.StopPriceNullValue);
        order.SetQty(qty);
        w.Append(NewOrderEncoder.TemplateId, _buffer.AsSpan(0, NewOrderEncoder.HeaderLength + NewOrderEncoder.BlockLength), NextTs());
    }

    private void Route(ExclusiveJournalWriter w, long parentId, long firstLeg, long secondLeg)
    {
        var route = RouteDecisionEncoder.WrapAndApplyHeader(_buffer, 0);
        route.SetParentClOrdId((ulong)parentId);
        route.SetInstrumentId(1);
        route.SetSide(Side.Buy);
        route.SetQty(100);
        var legs = route.LegsCount(2);
        legs.Next();
        legs.SetClOrdId((ulong)firstLeg);
        legs.SetVenueId(0);
        legs.SetPrice(Price);
        legs.SetQty(60);
        legs.Next();
        legs.SetClOrdId((ulong)secondLeg);
        legs.SetVenueId(1);
        legs.SetPrice(Price);
        legs.SetQty(40);
        w.Append(RouteDecisionEncoder.TemplateId, _buffer.AsSpan(0, RouteDecisionEncoder.HeaderLength + route.EncodedLength), NextTs());
    }

    private void ReplaceOrder(ExclusiveJournalWriter w, long clOrdId, long origClOrdId, long price, long qty)
    {
        var replace = ReplaceOrderEncoder.WrapAndApplyHeader(_buffer, 0);
        replace.SetClOrdId((ulong)clOrdId);
        replace.SetOrigClOrdId((ulong)origClOrdId);
        replace.SetInstrumentId(1);
        replace.SetStrategyId(1);
        replace.SetPrice(price);
        replace.SetQty(qty);
        replace.SetDecisionTs(1);
        w.Append(ReplaceOrderEncoder.TemplateId, _buffer.AsSpan(0, ReplaceOrderEncoder.HeaderLength + ReplaceOrderEncoder.BlockLength), NextTs());
    }

    private void Report(
        ExclusiveJournalWriter w, long clOrdId, ExecType execType, OrdStatus status, long price, long orderQty, long cumQty, long leavesQty,
        long lastQty = 0, RejectReason reason = RejectReason.None)
    {
        var report = ExecutionReportEncoder.WrapAndApplyHeader(_buffer, 0);
        report.SetClOrdId((ulong)clOrdId);
        report.SetVenueOrderId((ulong)clOrdId);
        report.SetInstrumentId(1);
        report.SetStrategyId(1);
        report.SetVenueId(0);
        report.SetExecType(execType);
        report.SetOrdStatus(status);
        report.SetSide(Side.Buy);
        report.SetRejectReason(reason);
        report.SetPrice(price);
        report.SetOrderQty(orderQty);
        report.SetCumQty(cumQty);
        report.SetLeavesQty(leavesQty);
        report.SetAvgPx(cumQty > 0 ? Price : ExecutionReportEncoder.AvgPxNullValue);
        var fills = report.FillsCount(lastQty > 0 ? 1 : 0);
        if (lastQty > 0)
        {
            fills.Next();
            fills.SetLastPx(price);
            fills.SetLastQty(lastQty);
            fills.SetFee(0);
            fills.SetTradeId((ulong)NextTs());
            fills.SetLiquidity(Liquidity.Maker);
        }

        report.SetText("");
        w.Append(ExecutionReportEncoder.TemplateId, _buffer.AsSpan(0, ExecutionReportEncoder.HeaderLength + report.EncodedLength), NextTs());
    }

    [Fact]
    public void AppliedReplace_TheOrderIsOpenUnderTheNewId_AtTheNewTerms_AndTheOldIdIsClosedAsReplaced()
    {
        using JournalProjection p = Replay(w =>
        {
            NewOrder(w, 10, 100);
            Report(w, 10, ExecType.New, OrdStatus.New, Price, 100, 0, 100);
            ReplaceOrder(w, 11, 10, NewPrice, 150);
            Report(w, 11, ExecType.Replaced, OrdStatus.New, NewPrice, 150, 0, 150);
        });

        OrderRow open = Assert.Single(p.OpenOrders);
        Assert.Equal(11, open.ClOrdId);
        Assert.Equal(NewPrice, open.Price!.Value);
        Assert.Equal((150L, 0L, 150L), (open.OrderQty, open.CumQty, open.LeavesQty));
        Assert.Equal(OrdStatus.New, open.Status);
        Assert.Equal((1, 1, Side.Buy, OrdType.Limit), (open.StrategyId, open.InstrumentId, open.Side, open.OrdType));
        Assert.Equal(1_000, open.CreatedNs);

        OrderRow old = Assert.Single(p.ClosedOrders);
        Assert.Equal(10, old.ClOrdId);
        Assert.Equal(OrdStatus.Replaced, old.Status);
        Assert.Equal(Price, old.Price!.Value);
        Assert.Equal(100, old.OrderQty);
        Assert.Equal(1, p.OrdersSeen);
        Assert.Equal(0, p.Rejects);
        Assert.Equal(0, p.Cancels);
    }

    [Fact]
    public void ReplacedAfterAPartialFill_FillsUnderTheNewIdCompleteItIntoOnePosition()
    {
        using JournalProjection p = Replay(w =>
        {
            NewOrder(w, 10, 100);
            Report(w, 10, ExecType.PartialFill, OrdStatus.PartiallyFilled, Price, 100, 40, 60, lastQty: 40);
            ReplaceOrder(w, 11, 10, NewPrice, 150);
            Report(w, 11, ExecType.Replaced, OrdStatus.PartiallyFilled, NewPrice, 150, 40, 110);
        });

        OrderRow open = Assert.Single(p.OpenOrders);
        Assert.Equal((11L, 40L, 110L, OrdStatus.PartiallyFilled), (open.ClOrdId, open.CumQty, open.LeavesQty, open.Status));
        Assert.Equal(1, p.Fills);
        Assert.Equal(40, Assert.Single(p.Positions()).Quantity);
    }

    [Fact]
    public void ReplacedOrder_ItsLastFillUnderTheNewId_ClosesItFilled()
    {
        using JournalProjection p = Replay(w =>
        {
            NewOrder(w, 10, 100);
            Report(w, 10, ExecType.New, OrdStatus.New, Price, 100, 0, 100);
            ReplaceOrder(w, 11, 10, NewPrice, 150);
            Report(w, 11, ExecType.Replaced, OrdStatus.New, NewPrice, 150, 0, 150);
            Report(w, 11, ExecType.Fill, OrdStatus.Filled, NewPrice, 150, 150, 0, lastQty: 150);
        });

        Assert.Empty(p.OpenOrders);
        Assert.Equal([(10L, OrdStatus.Replaced), (11L, OrdStatus.Filled)], p.ClosedOrders.Select(o => (o.ClOrdId, o.Status)));
        Assert.Equal(150, Assert.Single(p.Positions()).Quantity);
    }

    [Fact]
    public void TwoReplacesInARow_TheOrderEndsUnderTheLatestId()
    {
        using JournalProjection p = Replay(w =>
        {
            NewOrder(w, 10, 100);
            Report(w, 10, ExecType.New, OrdStatus.New, Price, 100, 0, 100);
            ReplaceOrder(w, 11, 10, NewPrice, 150);
            Report(w, 11, ExecType.Replaced, OrdStatus.New, NewPrice, 150, 0, 150);
            // the strategy still names the order 10; the engine journals the venue's replace of 11 after it
            ReplaceOrder(w, 12, 10, Price, 80);
            ReplaceOrder(w, 12, 11, Price, 80);
            Report(w, 12, ExecType.Replaced, OrdStatus.New, Price, 80, 0, 80);
        });

        OrderRow open = Assert.Single(p.OpenOrders);
        Assert.Equal((12L, Price, 80L), (open.ClOrdId, open.Price!.Value, open.LeavesQty));
        Assert.Equal([10L, 11L], p.ClosedOrders.Select(o => o.ClOrdId));
        Assert.All(p.ClosedOrders, o => Assert.Equal(OrdStatus.Replaced, o.Status));
    }

    [Fact]
    public void ReplacedLeg_KeepsItsParent_AndTheOtherLegIsUntouched()
    {
        using JournalProjection p = Replay(w =>
        {
            NewOrder(w, 1000, 100);
            Route(w, 1000, 1001, 1002);
            Report(w, 1001, ExecType.New, OrdStatus.New, Price, 60, 0, 60);
            Report(w, 1002, ExecType.New, OrdStatus.New, Price, 40, 0, 40);
            ReplaceOrder(w, 2001, 1001, NewPrice, 90);
            Report(w, 2001, ExecType.Replaced, OrdStatus.New, NewPrice, 90, 0, 90);
        });

        Assert.Equal([1002L, 2001L], p.OpenOrders.Select(o => o.ClOrdId).Order());
        OrderRow replaced = p.OpenOrders.Single(o => o.ClOrdId == 2001);
        Assert.Equal((1000L, 1, NewPrice, 90L), (replaced.ParentClOrdId, replaced.StrategyId, replaced.Price!.Value, replaced.LeavesQty));
        OrderRow other = p.OpenOrders.Single(o => o.ClOrdId == 1002);
        Assert.Equal((Price, 40L), (other.Price!.Value, other.LeavesQty));
        Assert.Equal((1001L, OrdStatus.Replaced), (Assert.Single(p.ClosedOrders).ClOrdId, p.ClosedOrders.Single().Status));
    }

    [Fact]
    public void RefusedReplace_CountsAReject_AndLeavesTheOriginalAsItWas()
    {
        using JournalProjection p = Replay(w =>
        {
            NewOrder(w, 10, 100);
            Report(w, 10, ExecType.New, OrdStatus.New, Price, 100, 0, 100);
            ReplaceOrder(w, 11, 10, NewPrice, 150);
            Report(w, 11, ExecType.Rejected, OrdStatus.New, Price, 100, 0, 100, reason: RejectReason.PositionLimit);
        });

        OrderRow open = Assert.Single(p.OpenOrders);
        Assert.Equal(10, open.ClOrdId);
        Assert.Equal((Price, 100L, 100L, OrdStatus.New), (open.Price!.Value, open.OrderQty, open.LeavesQty, open.Status));
        Assert.Empty(p.ClosedOrders);
        Assert.Equal(1, p.Rejects);
        Assert.Equal(1, p.RejectsByReason[(int)RejectReason.PositionLimit]);
    }

    [Fact]
    public void RefusedReplace_ThenALateReplacedUnderTheSameId_DoesNotMoveTheOrder()
    {
        // the refusal answered the request: nothing maps 11 to 10 any more
        using JournalProjection p = Replay(w =>
        {
            NewOrder(w, 10, 100);
            Report(w, 10, ExecType.New, OrdStatus.New, Price, 100, 0, 100);
            ReplaceOrder(w, 11, 10, NewPrice, 150);
            Report(w, 11, ExecType.Rejected, OrdStatus.New, Price, 100, 0, 100, reason: RejectReason.VenueReject);
            ReplaceOrder(w, 12, 10, NewPrice, 120);
            Report(w, 12, ExecType.Replaced, OrdStatus.New, NewPrice, 120, 0, 120);
        });

        OrderRow open = Assert.Single(p.OpenOrders);
        Assert.Equal((12L, 120L), (open.ClOrdId, open.LeavesQty));
        Assert.Equal(10, Assert.Single(p.ClosedOrders).ClOrdId);
        Assert.Equal(1, p.Rejects);
    }

    [Fact]
    public void RefusedReplaceOfAnUnknownOrder_IsCountedOnly()
    {
        using JournalProjection p = Replay(w =>
        {
            ReplaceOrder(w, 11, 10, NewPrice, 150);
            Report(w, 11, ExecType.Rejected, OrdStatus.Canceled, 0, 0, 0, 0, reason: RejectReason.UnknownOrder);
        });

        Assert.Empty(p.OpenOrders);
        Assert.Empty(p.ClosedOrders);
        Assert.Equal(1, p.Rejects);
        Assert.Equal(1, p.RejectsByReason[(int)RejectReason.UnknownOrder]);
    }

    [Fact]
    public void RejectedNewOrder_IsStillAClosedRejectedOrder()
    {
        // the refused-replace path must not swallow an order's own rejection (status Rejected)
        var rejected = new List<OrderRow>();
        using var p = new JournalProjection(Config) { OrderRejected = rejected.Add };
        using (var writer = ExclusiveJournalWriter.Open(new JournalOptions { Directory = Config.Journal.Directory, SegmentLength = 1 << 20, PreTouch = false }))
        {
            NewOrder(writer, 10, 100);
            Report(writer, 10, ExecType.Rejected, OrdStatus.Rejected, Price, 100, 0, 0, reason: RejectReason.MaxNotional);
        }

        using JournalTailer tailer = JournalTailer.OpenAtStart(Config.Journal.Directory);
        while (tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
        {
            p.Apply(frame);
        }

        Assert.Empty(p.OpenOrders);
        OrderRow closed = Assert.Single(p.ClosedOrders);
        Assert.Equal((10L, OrdStatus.Rejected, RejectReason.MaxNotional), (closed.ClOrdId, closed.Status, closed.RejectReason));
        Assert.Equal(10, Assert.Single(rejected).ClOrdId);
        Assert.Equal(1, p.Rejects);
    }
}
