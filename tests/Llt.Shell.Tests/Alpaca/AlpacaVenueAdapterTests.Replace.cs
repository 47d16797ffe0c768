using Llt.Hotpath.Ipc;
using Llt.Sbe;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>
/// The engine's ReplaceOrder at Alpaca: PATCH under the new client order id, Replaced once Alpaca confirms, the order
/// known under the new id from then on; refusals come back as a rejected replace (never a rejected order) while the
/// order works on under its old id.
/// </summary>
public sealed partial class AlpacaVenueAdapterTests
{
    /// <summary>A ReplaceOrder as the gateway copies it onto the venue ring: <paramref name="qty"/> is the new total; null price keeps the limit.</summary>
    private void Replace(long clOrdId, long origClOrdId, long qty, long? price)
    {
        var buffer = new byte[ReplaceOrderEncoder.HeaderLength + ReplaceOrderEncoder.BlockLength];
        var replace = ReplaceOrderEncoder.WrapAndApplyHeader(buffer, 0);
        replace.SetClOrdId((ulong)clOrdId);
        replace.SetOrigClOrdId((ulong)origClOrdId);
        replace.SetInstrumentId(0);
        replace.SetStrategyId(3);
        replace.SetPrice(price ?? ReplaceOrderEncoder.PriceNullValue);
        replace.SetQty(qty);
        replace.SetDecisionTs(3);
        Assert.Equal(WriteResult.Success, _out.Write(ReplaceOrderEncoder.TemplateId, buffer));
    }

    private async Task<string> ReplaceBody(int index)
    {
        await Until(() => _server.ReplaceBodies.Count > index, $"replace body {index}");
        return _server.ReplaceBodies.ElementAt(index);
    }

    private int Patches => _server.Requests.Count(r => r.StartsWith("PATCH ", StringComparison.Ordinal));

    [Fact]
    public async Task Replace_OfPriceAndQty_IsReplacedUnderTheNewId_AndTheReplacementsFillComesBackUnderIt()
    {
        Send(4001, 0, Side.Buy, 100, 190_00000000);
        await ReportsUntil(1);

        Replace(4002, 4001, 150, 190_50000000);

        Assert.Equal("""{"qty":"150","limit_price":"190.5","client_order_id":"4002"}""", await ReplaceBody(0));
        Assert.Contains("PATCH /v2/orders/ord-1", _server.Requests);
        var reports = await ReportsUntil(2);
        Assert.Equal(
            (4002L, ExecType.Replaced, OrdStatus.New, 0L, 0L, 190_50000000L, 150L, 150L),
            (reports[1].ClOrdId, reports[1].Type, reports[1].Status, reports[1].Cum, reports[1].LastQty, reports[1].Price, reports[1].OrderQty, reports[1].Leaves));

        await Until(() => _adapter.Updates == 3, "the replacement's own \"new\"");
        _server.FillQuietly("4002", 190.45m);
        await _server.PushFillAsync("4002", 190.45m);
        reports = await ReportsUntil(3);
        Assert.Equal(
            (4002L, ExecType.Fill, OrdStatus.Filled, 150L, 150L, 190_45000000L, 0L),
            (reports[2].ClOrdId, reports[2].Type, reports[2].Status, reports[2].Cum, reports[2].LastQty, reports[2].LastPx, reports[2].Leaves));
        Assert.Equal((1L, 0L, 0L, 0L), (_adapter.Replaced, _adapter.RepeatedUpdates, _adapter.ForeignUpdates, _adapter.ReplacesRejected));
    }

    [Fact]
    public async Task CancelAfterAReplace_CancelsTheReplacement_UnderTheNewId()
    {
        Send(4011, 0, Side.Sell, 20, 191_00000000);
        await ReportsUntil(1);
        Replace(4012, 4011, 20, 190_90000000);
        Assert.Equal(ExecType.Replaced, (await ReportsUntil(2))[1].Type);

        Cancel(4012);

        var reports = await ReportsUntil(3);
        Assert.Equal((4012L, ExecType.Canceled, OrdStatus.Canceled), (reports[2].ClOrdId, reports[2].Type, reports[2].Status));
        Assert.Contains("DELETE /v2/orders/ord-2", _server.Requests); // the replacement, not the replaced order
    }

    [Fact]
    public async Task ReplaceAlpacaRefuses_IsARejectedReplace_WithTheWorkingStatus_AndTheOrderFillsUnderItsOldId()
    {
        Send(4021, 0, Side.Buy, 100, 190_00000000);
        await ReportsUntil(1);
        _server.RefuseReplaces = "limit price too far from the market";

        Replace(4022, 4021, 100, 150_00000000);

        var reports = await ReportsUntil(2);
        Assert.Equal((4022L, ExecType.Rejected, OrdStatus.New, RejectReason.VenueReject, 100L), (reports[1].ClOrdId, reports[1].Type, reports[1].Status, reports[1].Reason, reports[1].Leaves));
        Assert.Contains("limit price too far from the market", reports[1].Text, StringComparison.Ordinal);
        Assert.Equal(1, Patches); // a 422 is not retried

        _server.FillQuietly("4021", 189.99m);
        await _server.PushFillAsync("4021", 189.99m);
        reports = await ReportsUntil(3);
        Assert.Equal((4021L, ExecType.Fill, 100L), (reports[2].ClOrdId, reports[2].Type, reports[2].Cum));
        Assert.Equal((0L, 1L), (_adapter.Replaced, _adapter.ReplacesRejected));
    }

    [Fact]
    public async Task ReplaceOfAnUnknownOrder_IsRejectedAsUnknownOrder_NeverSent()
    {
        Replace(4032, 4031, 10, 190_00000000);

        var report = Assert.Single(await ReportsUntil(1));
        Assert.Equal((4032L, ExecType.Rejected, OrdStatus.New, RejectReason.UnknownOrder), (report.ClOrdId, report.Type, report.Status, report.Reason));
        Assert.Contains("4031", report.Text, StringComparison.Ordinal);
        Assert.Equal(0, Patches);
    }

    [Fact]
    public async Task ReplaceOfAFilledOrder_IsTooLate_NeverSent()
    {
        _server.FillPrice = 190.01m;
        Send(4041, 0, Side.Buy, 100, 190_01000000);
        await ReportsUntil(2);

        Replace(4042, 4041, 200, 190_01000000);

        var reports = await ReportsUntil(3);
        Assert.Equal(
            (4042L, ExecType.Rejected, OrdStatus.Filled, RejectReason.TooLateToCancel, 100L),
            (reports[2].ClOrdId, reports[2].Type, reports[2].Status, reports[2].Reason, reports[2].Cum));
        Assert.Equal(0, Patches);
    }

    [Fact]
    public async Task ReplaceOfAnOrderThatFilledUnreported_ReportsTheFill_ThenTheReplaceAsTooLate()
    {
        Send(4051, 0, Side.Buy, 100, 190_00000000);
        await ReportsUntil(1);
        _server.FillQuietly("4051", 189.97m); // filled at Alpaca; its event not here yet

        Replace(4052, 4051, 100, 190_10000000);

        var reports = await ReportsUntil(3);
        Assert.Equal((4051L, ExecType.Fill, OrdStatus.Filled, 100L, 189_97000000L), (reports[1].ClOrdId, reports[1].Type, reports[1].Status, reports[1].LastQty, reports[1].LastPx));
        Assert.Equal((4052L, ExecType.Rejected, OrdStatus.Filled, RejectReason.TooLateToCancel), (reports[2].ClOrdId, reports[2].Type, reports[2].Status, reports[2].Reason));
        Assert.Contains("order not found", reports[2].Text, StringComparison.Ordinal);

        await _server.PushFillAsync("4051", 189.97m); // the fill's own event, late
        await Until(() => _adapter.ForeignUpdates == 1, "the late fill event");
        Assert.Equal(3, (await ReportsUntil(3)).Count);
    }

    [Fact]
    public async Task OldOrderFillingBeforeTheReplacementIsLive_IsAFill_AndTheReplaceIsTooLate()
    {
        _server.FillBeforeReplacing = 190.02m; // Alpaca answers 200, fills the old order, rejects the replacement
        Send(4061, 0, Side.Buy, 100, 190_00000000);
        await ReportsUntil(1);

        Replace(4062, 4061, 100, 190_05000000);

        var reports = await ReportsUntil(3);
        Assert.Equal((4061L, ExecType.Fill, OrdStatus.Filled, 100L, 190_02000000L), (reports[1].ClOrdId, reports[1].Type, reports[1].Status, reports[1].Cum, reports[1].LastPx));
        Assert.Equal((4062L, ExecType.Rejected, OrdStatus.Filled, RejectReason.TooLateToCancel), (reports[2].ClOrdId, reports[2].Type, reports[2].Status, reports[2].Reason));
        await Until(() => _adapter.ForeignUpdates == 1, "the replacement's rejection, about an order that ended");
        Assert.Equal(3, (await ReportsUntil(3)).Count);
        Assert.Equal(0, _adapter.Replaced);
    }

    [Fact]
    public async Task ReplaceOfAPartiallyFilledOrder_AsksAlpacaForTheNewTotalLessTheFilled()
    {
        Send(4081, 0, Side.Buy, 100, 190_00000000);
        await ReportsUntil(1);
        _server.FillQuietly("4081", 189.99m, qty: "40");
        await _server.PushFillAsync("4081", 189.99m, "partial_fill");
        await ReportsUntil(2);

        Replace(4082, 4081, 120, null); // more shares, same limit

        Assert.Equal("""{"qty":"80","client_order_id":"4082"}""", await ReplaceBody(0));
        var reports = await ReportsUntil(3);
        Assert.Equal(
            (4082L, ExecType.Replaced, OrdStatus.PartiallyFilled, 40L, 190_00000000L, 120L, 80L),
            (reports[2].ClOrdId, reports[2].Type, reports[2].Status, reports[2].Cum, reports[2].Price, reports[2].OrderQty, reports[2].Leaves));

        _server.FillQuietly("4082", 190.00m, qty: "80"); // the replacement's own fills start from zero
        await _server.PushFillAsync("4082", 190.00m);
        reports = await ReportsUntil(4);
        Assert.Equal((4082L, ExecType.Fill, OrdStatus.Filled, 120L, 80L, 0L), (reports[3].ClOrdId, reports[3].Type, reports[3].Status, reports[3].Cum, reports[3].LastQty, reports[3].Leaves));
        Assert.Equal(0, _adapter.OversizedReplacements);
    }

    [Fact]
    public async Task PartialFillRacingTheReplace_IsReportedUnderTheOldIdFirst_AndTheOversizedReplacementIsCounted()
    {
        Send(4071, 0, Side.Buy, 100, 190_00000000);
        await ReportsUntil(1);
        _server.FillQuietly("4071", 189.98m, qty: "30"); // filled at Alpaca as the replace goes out; its event not here yet

        Replace(4072, 4071, 100, 190_10000000);

        // the adapter knew of no fill, so it asked for 100; the old order's "replaced" carries the 30 it had filled
        Assert.Equal("""{"qty":"100","limit_price":"190.1","client_order_id":"4072"}""", await ReplaceBody(0));
        var reports = await ReportsUntil(3);
        Assert.Equal((4071L, ExecType.PartialFill, OrdStatus.PartiallyFilled, 30L, 30L, 189_98000000L), (reports[1].ClOrdId, reports[1].Type, reports[1].Status, reports[1].Cum, reports[1].LastQty, reports[1].LastPx));
        Assert.Equal((4072L, ExecType.Replaced, OrdStatus.PartiallyFilled, 30L, 70L), (reports[2].ClOrdId, reports[2].Type, reports[2].Status, reports[2].Cum, reports[2].Leaves));
        Assert.Equal(1, _adapter.OversizedReplacements);

        await _server.PushFillAsync("4071", 189.98m, "partial_fill"); // the race's own event, late: not again
        await Until(() => _adapter.RepeatedUpdates == 1, "the late partial fill counted as a repeat");
        _server.FillQuietly("4072", 190.10m, qty: "70");
        await _server.PushFillAsync("4072", 190.10m, "partial_fill");
        reports = await ReportsUntil(4);
        Assert.Equal((4072L, ExecType.Fill, OrdStatus.Filled, 100L, 70L), (reports[3].ClOrdId, reports[3].Type, reports[3].Status, reports[3].Cum, reports[3].LastQty));
    }

    [Fact]
    public async Task ReplaceServerErrorOnce_IsRetried_AfterCheckingTheReplacementWasNotPlaced()
    {
        _server.ReplaceServerErrorFirst = 1;
        Send(4091, 0, Side.Buy, 10, 190_00000000);
        await ReportsUntil(1);

        Replace(4092, 4091, 10, 189_00000000);

        var reports = await ReportsUntil(2);
        Assert.Equal((4092L, ExecType.Replaced), (reports[1].ClOrdId, reports[1].Type));
        Assert.Equal(2, Patches);
        Assert.Contains(_server.Requests, r => r.StartsWith("GET /v2/orders:by_client_order_id?client_order_id=4092", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplaceServerErrorOnEveryAttempt_IsARejectedReplace_AfterTheRetries()
    {
        _server.ReplaceServerErrorFirst = 10;
        Send(4101, 0, Side.Buy, 10, 190_00000000);
        await ReportsUntil(1);

        Replace(4102, 4101, 10, 189_00000000);

        var reports = await ReportsUntil(2);
        Assert.Equal((4102L, ExecType.Rejected, OrdStatus.New, RejectReason.VenueReject), (reports[1].ClOrdId, reports[1].Type, reports[1].Status, reports[1].Reason));
        Assert.Contains("service unavailable", reports[1].Text, StringComparison.Ordinal);
        Assert.Equal(3, Patches);

        Cancel(4101); // still working under its old id
        reports = await ReportsUntil(3);
        Assert.Equal((4101L, ExecType.Canceled), (reports[2].ClOrdId, reports[2].Type));
    }

    [Fact]
    public async Task ReplaceWhoseUpdatesWereLost_IsConfirmedByTheReconciliation_UnderTheNewId()
    {
        Send(4111, 0, Side.Sell, 100, 191_00000000);
        await ReportsUntil(1);
        _server.SilentStream = true;

        Replace(4112, 4111, 100, 190_80000000);
        await Until(() => _server.OrderOf("4111").GetProperty("status").GetString() == "replaced", "the replace at alpaca");
        _server.FillQuietly("4112", 190.80m, qty: "50");
        _server.SilentStream = false;
        _server.DropStream();
        await Until(() => _server.Listens == 2, "the adapter listening again");

        var reports = await ReportsUntil(3);
        Assert.Equal((4112L, ExecType.Replaced, OrdStatus.New, 190_80000000L), (reports[1].ClOrdId, reports[1].Type, reports[1].Status, reports[1].Price));
        Assert.Equal((4112L, ExecType.PartialFill, 50L, 50L, 190_80000000L), (reports[2].ClOrdId, reports[2].Type, reports[2].Cum, reports[2].LastQty, reports[2].LastPx));
        await Until(() => _adapter.Reconciled == 1, "the reconciliation");
    }
}
