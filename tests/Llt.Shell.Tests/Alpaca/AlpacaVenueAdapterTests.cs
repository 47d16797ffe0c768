using Llt.Codecs.Runtime;
using Llt.Hotpath.Ipc;
using Llt.Sbe;
using Llt.Shell.Alpaca;
using Microsoft.Extensions.Logging.Abstractions;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>
/// Alpaca as an external venue against <see cref="FakeAlpacaTradingServer"/>: the test writes the engine's SBE
/// NewOrder/CancelOrder into the venue ring as the gateway does, and reads the adapter's ExecutionReports from the
/// in ring. Bounded waits only.
/// </summary>
public sealed partial class AlpacaVenueAdapterTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly FakeAlpacaTradingServer _server = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("llt-alpaca-venue-").FullName;
    private RingBufferFile _outFile = null!;
    private RingBufferFile _inFile = null!;
    private RingBuffer _out = null!;
    private RingBuffer _in = null!;
    private AlpacaTradingClient _client = null!;
    private AlpacaVenueAdapter _adapter = null!;

    public async Task InitializeAsync()
    {
        _outFile = RingBufferFile.Create(Path.Combine(_dir, "venue-0.ring"), 1 << 16);
        _inFile = RingBufferFile.Create(Path.Combine(_dir, "venues-in.ring"), 1 << 16);
        _out = new OneToOneRingBuffer(_outFile.Buffer);
        _in = new ManyToOneRingBuffer(_inFile.Buffer);
        _client = new AlpacaTradingClient(_server.BaseUrl, FakeAlpacaStreamServer.Key, FakeAlpacaStreamServer.Secret);
        var options = new AlpacaVenueOptions { VenueId = 0, BaseUrl = _server.BaseUrl, KeyId = FakeAlpacaStreamServer.Key, SecretKey = FakeAlpacaStreamServer.Secret };
        _adapter = new AlpacaVenueAdapter(options, _out, _in, ["AAPL", "MSFT"], _client, NullLogger<AlpacaVenueAdapter>.Instance);
        await _adapter.StartAsync(CancellationToken.None);
        await _server.Listening.Task.WaitAsync(Wait);
    }

    public async Task DisposeAsync()
    {
        await _adapter.StopAsync(CancellationToken.None);
        _adapter.Dispose();
        _client.Dispose();
        await _server.DisposeAsync();
        _outFile.Dispose();
        _inFile.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private void Send(long clOrdId, int instrumentId, Side side, long qty, long? price) =>
        Send(clOrdId, instrumentId, side, qty, price is null ? OrdType.Market : OrdType.Limit, TimeInForce.Day, price);

    /// <summary>A NewOrder as the gateway copies it onto the venue ring; null fields go out as the schema's null.</summary>
    private void Send(
        long clOrdId, int instrumentId, Side side, long qty, OrdType ordType, TimeInForce timeInForce,
        long? price = null, long? stopPrice = null, long? trailPrice = null, int? trailBps = null)
    {
        var buffer = new byte[NewOrderEncoder.HeaderLength + NewOrderEncoder.BlockLength];
        var order = NewOrderEncoder.WrapAndApplyHeader(buffer, 0);
        order.SetClOrdId((ulong)clOrdId);
        order.SetInstrumentId(instrumentId);
        order.SetStrategyId(3);
        order.SetVenueId(0);
        order.SetSide(side);
        order.SetOrdType(ordType);
        order.SetTimeInForce(timeInForce);
        order.SetExecInst(default);
        order.SetPrice(price ?? NewOrderEncoder.PriceNullValue);
        order.SetStopPrice(stopPrice ?? NewOrderEncoder.StopPriceNullValue);
        order.SetQty(qty);
        order.SetReceiveTs(1);
        order.SetDecisionTs(2);
        order.SetTrailPrice(trailPrice ?? NewOrderEncoder.TrailPriceNullValue);
        order.SetTrailBps(trailBps ?? NewOrderEncoder.TrailBpsNullValue);
        Assert.Equal(WriteResult.Success, _out.Write(NewOrderEncoder.TemplateId, buffer));
    }

    private async Task<string> OrderBody(int index)
    {
        DateTime deadline = DateTime.UtcNow + Wait;
        while (_server.OrderBodies.Count <= index)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {_server.OrderBodies.Count} order bodies arrived");
            await Task.Delay(5);
        }

        return _server.OrderBodies.ElementAt(index);
    }

    private void Cancel(long clOrdId)
    {
        var buffer = new byte[CancelOrderEncoder.HeaderLength + CancelOrderEncoder.BlockLength];
        var cancel = CancelOrderEncoder.WrapAndApplyHeader(buffer, 0);
        cancel.SetClOrdId(999);
        cancel.SetOrigClOrdId((ulong)clOrdId);
        cancel.SetInstrumentId(0);
        cancel.SetStrategyId(3);
        cancel.SetDecisionTs(1);
        Assert.Equal(WriteResult.Success, _out.Write(CancelOrderEncoder.TemplateId, buffer));
    }

    private readonly List<(long ClOrdId, ExecType Type, OrdStatus Status, long Cum, long LastQty, long LastPx, RejectReason Reason, string Text, long Price, long OrderQty, long Leaves)> _reports = [];

    private async Task<List<(long ClOrdId, ExecType Type, OrdStatus Status, long Cum, long LastQty, long LastPx, RejectReason Reason, string Text, long Price, long OrderQty, long Leaves)>> ReportsUntil(int count)
    {
        DateTime deadline = DateTime.UtcNow + Wait;
        while (_reports.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {_reports.Count} of {count} reports arrived");
            _in.Read(new MessageHandler((type, buffer, index, length) =>
            {
                Assert.Equal(ExecutionReportDecoder.TemplateId, type);
                Assert.Equal(SbeDecodeStatus.Ok, ExecutionReportDecoder.TryDecode(buffer.AsSpan(index, length), 0, out ExecutionReportDecoder r, out _));
                long lastQty = 0, lastPx = 0;
                var fills = r.Fills();
                while (fills.HasNext)
                {
                    fills.Next();
                    lastQty += fills.LastQty;
                    lastPx = fills.LastPx;
                }

                _reports.Add(((long)r.ClOrdId, r.ExecType, r.OrdStatus, r.CumQty, lastQty, lastPx, r.RejectReason, r.GetTextAsString(), r.Price, r.OrderQty, r.LeavesQty));
            }), 100);
            await Task.Delay(5);
        }

        return _reports;
    }

    [Fact]
    public async Task Order_IsPlacedUnderTheEnginesId_AndItsAckAndFillComeBack()
    {
        _server.FillPrice = 190.01m;
        Send(1001, 0, Side.Buy, 100, 190_01000000);

        var reports = await ReportsUntil(2);
        Assert.Equal((1001L, ExecType.New, OrdStatus.New), (reports[0].ClOrdId, reports[0].Type, reports[0].Status));
        Assert.Equal((1001L, ExecType.Fill, OrdStatus.Filled, 100L, 100L, 190_01000000L), (reports[1].ClOrdId, reports[1].Type, reports[1].Status, reports[1].Cum, reports[1].LastQty, reports[1].LastPx));
        Assert.Contains("POST /v2/orders", _server.Requests);
    }

    [Fact]
    public async Task Unprocessable_IsRejectedToTheEngine_WithAlpacasMessage()
    {
        _server.Unprocessable.Add("MSFT");
        Send(1002, 1, Side.Sell, 10, null);

        var report = Assert.Single(await ReportsUntil(1));
        Assert.Equal((ExecType.Rejected, OrdStatus.Rejected, RejectReason.VenueReject), (report.Type, report.Status, report.Reason));
        Assert.Contains("asset is not tradable", report.Text, StringComparison.Ordinal);
        Assert.Equal(1, _adapter.Rejected);
    }

    [Fact]
    public async Task RateLimited_IsRetried_WithoutPlacingTheOrderTwice()
    {
        _server.RateLimitFirst = 1;
        Send(1003, 0, Side.Buy, 5, 189_00000000);

        var report = Assert.Single(await ReportsUntil(1));
        Assert.Equal(ExecType.New, report.Type);
        Assert.Equal(2, _server.OrderPosts);
        Assert.Contains(_server.Requests, r => r.StartsWith("GET /v2/orders:by_client_order_id", StringComparison.Ordinal));
        DateTime deadline = DateTime.UtcNow + Wait;
        while (_adapter.Submitted == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5); // the "new" update can overtake the POST's own answer
        }

        Assert.Equal(1, _adapter.Submitted);
    }

    [Fact]
    public async Task Forbidden_IsRejectedToTheEngine_WithAlpacasMessage_WithoutRetrying()
    {
        _server.Forbidden.Add("AAPL");
        Send(1010, 0, Side.Buy, 1_000_000, 190_00000000);

        var report = Assert.Single(await ReportsUntil(1));
        Assert.Equal((1010L, ExecType.Rejected, OrdStatus.Rejected, RejectReason.VenueReject), (report.ClOrdId, report.Type, report.Status, report.Reason));
        Assert.Contains("insufficient buying power", report.Text, StringComparison.Ordinal);
        Assert.Equal(1, _server.OrderPosts);
    }

    [Fact]
    public async Task ServerErrorAfterTheOrderWasPlaced_IsNotPlacedTwice()
    {
        _server.ServerErrorFirst = 1;
        _server.PlaceBeforeServerError = true;
        Send(1011, 0, Side.Buy, 5, 189_00000000);

        DateTime deadline = DateTime.UtcNow + Wait;
        while (_adapter.Submitted == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.Equal(1, _adapter.Submitted);
        Assert.Equal(1, _server.OrderPosts); // the 500 was followed by a look-up by client order id, which found it
        Assert.Contains(_server.Requests, r => r.StartsWith("GET /v2/orders:by_client_order_id?client_order_id=1011", StringComparison.Ordinal));
        Assert.Equal(0, _adapter.Rejected);
    }

    [Fact]
    public async Task ServerErrorOnEveryAttempt_IsRejectedAfterTheRetries()
    {
        _server.ServerErrorFirst = 10;
        Send(1012, 0, Side.Buy, 5, 189_00000000);

        var report = Assert.Single(await ReportsUntil(1));
        Assert.Equal((1012L, ExecType.Rejected, RejectReason.VenueReject), (report.ClOrdId, report.Type, report.Reason));
        Assert.Contains("service unavailable", report.Text, StringComparison.Ordinal);
        Assert.Equal(3, _server.OrderPosts);
    }

    [Fact]
    public async Task FillWhileTheTradeUpdatesStreamWasDown_IsRecoveredFromTheRestApi_AndTheLateEventIsNotReportedAgain()
    {
        Send(3001, 0, Side.Buy, 100, 190_50000000);
        Assert.Equal(ExecType.New, Assert.Single(await ReportsUntil(1)).Type);

        _server.DropStream();
        _server.FillQuietly("3001", 190.25m);
        await Until(() => _server.Listens == 2, "the adapter listening again");

        var reports = await ReportsUntil(2);
        Assert.Equal((3001L, ExecType.Fill, OrdStatus.Filled, 100L, 100L, 190_25000000L), (reports[1].ClOrdId, reports[1].Type, reports[1].Status, reports[1].Cum, reports[1].LastQty, reports[1].LastPx));
        await Until(() => _adapter.Reconciled == 1, "the reconciliation");

        await _server.PushFillAsync("3001", 190.25m); // the event the drop lost, delivered late after all
        await Task.Delay(200);
        await ReportsUntil(2);
        Assert.Equal(2, _reports.Count);
        Assert.Equal(1, _adapter.ForeignUpdates); // the order was done: its late event is not ours any more
    }

    [Fact]
    public async Task RepeatedPartialFillEvent_IsReportedOnce()
    {
        Send(3005, 0, Side.Buy, 100, 190_00000000);
        await ReportsUntil(1);
        _server.FillQuietly("3005", 189.98m, qty: "30");

        await _server.PushFillAsync("3005", 189.98m, "partial_fill");
        var reports = await ReportsUntil(2);
        await _server.PushFillAsync("3005", 189.98m, "partial_fill"); // the same event again
        await Until(() => _adapter.RepeatedUpdates == 1, "the repeat counted");

        Assert.Equal((ExecType.PartialFill, 30L, 30L, 189_98000000L), (reports[1].Type, reports[1].Cum, reports[1].LastQty, reports[1].LastPx));
        Assert.Equal(2, (await ReportsUntil(2)).Count);
    }

    [Fact]
    public async Task PartialFillWhileDown_ThenCanceled_ReportsTheMissedFillBeforeTheCancel()
    {
        Send(3002, 1, Side.Sell, 100, 410_00000000);
        await ReportsUntil(1);

        _server.DropStream();
        _server.FillQuietly("3002", 410.10m, qty: "40");
        await Until(() => _server.Listens == 2, "the adapter listening again");
        var reports = await ReportsUntil(2);
        Assert.Equal((ExecType.PartialFill, OrdStatus.PartiallyFilled, 40L, 40L, 410_10000000L), (reports[1].Type, reports[1].Status, reports[1].Cum, reports[1].LastQty, reports[1].LastPx));

        Cancel(3002);
        reports = await ReportsUntil(3);
        Assert.Equal((ExecType.Canceled, OrdStatus.Canceled, 40L), (reports[2].Type, reports[2].Status, reports[2].Cum));
    }

    [Fact]
    public async Task RepeatedFillEvent_IsReportedOnce()
    {
        _server.FillPrice = 190.01m;
        Send(3003, 0, Side.Buy, 10, 190_01000000);
        await ReportsUntil(2);

        await _server.PushFillAsync("3003", 190.01m);
        await Task.Delay(200);

        Assert.Equal(2, (await ReportsUntil(2)).Count);
        Assert.Equal(1, _adapter.ForeignUpdates); // the order was done: its repeat is not ours any more
    }

    [Fact]
    public async Task GarbageOnTheTradeUpdatesStream_IsCountedAndSkipped_TheStreamStays()
    {
        await _server.PushRawAsync("{ this is not json");
        await _server.PushRawAsync("""{"stream":"trade_updates","data":{"event":"fill","order":{"client_order_id":"1"}}}""");
        _server.FillPrice = 189.99m;
        Send(3004, 0, Side.Buy, 1, 190_00000000);

        var reports = await ReportsUntil(2);
        Assert.Equal(ExecType.Fill, reports[1].Type);
        Assert.Equal(2, _adapter.MalformedUpdates);
        Assert.Equal(1, _server.Listens); // never reconnected
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task OrderForAnInstrumentWithoutASymbol_IsRejected_NeverSent()
    {
        Send(3006, 7, Side.Buy, 1, 10_00000000); // the adapter knows AAPL (0) and MSFT (1) only

        var report = Assert.Single(await ReportsUntil(1));
        Assert.Equal((3006L, ExecType.Rejected, RejectReason.VenueReject), (report.ClOrdId, report.Type, report.Reason));
        Assert.Contains("instrument 7 has no symbol", report.Text, StringComparison.Ordinal);
        Assert.Equal(0, _server.OrderPosts);
    }

    [Fact]
    public async Task Cancel_GoesToTheAlpacaOrder_AndItsConfirmationComesBack()
    {
        Send(1004, 0, Side.Buy, 50, 180_00000000);
        await ReportsUntil(1);

        Cancel(1004);
        var reports = await ReportsUntil(2);
        Assert.Equal((1004L, ExecType.Canceled, OrdStatus.Canceled), (reports[1].ClOrdId, reports[1].Type, reports[1].Status));
        Assert.Contains(_server.Requests, r => r.StartsWith("DELETE /v2/orders/ord-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TrailingStopInBasisPoints_GoesOutAsTrailPercent_AtTheClose()
    {
        Send(2001, 0, Side.Sell, 10, OrdType.TrailingStop, TimeInForce.AtTheClose, trailBps: 150);

        Assert.Equal(
            """{"symbol":"AAPL","qty":"10","side":"sell","type":"trailing_stop","time_in_force":"cls","trail_percent":"1.5","client_order_id":"2001"}""",
            await OrderBody(0));
        var report = Assert.Single(await ReportsUntil(1));
        Assert.Equal((2001L, ExecType.New), (report.ClOrdId, report.Type));
    }

    [Fact]
    public async Task TrailingStopByPrice_GoesOutAsTrailPrice_AndItsFillComesBack()
    {
        _server.FillPrice = 189.75m;
        Send(2002, 1, Side.Buy, 7, OrdType.TrailingStop, TimeInForce.GoodTillCancel, trailPrice: 25_000_000);

        Assert.Equal(
            """{"symbol":"MSFT","qty":"7","side":"buy","type":"trailing_stop","time_in_force":"gtc","trail_price":"0.25","client_order_id":"2002"}""",
            await OrderBody(0));
        var reports = await ReportsUntil(2);
        Assert.Equal((2002L, ExecType.Fill, OrdStatus.Filled, 7L, 189_75000000L), (reports[1].ClOrdId, reports[1].Type, reports[1].Status, reports[1].LastQty, reports[1].LastPx));
    }

    [Fact]
    public async Task StopAndStopLimit_CarryStopAndLimitPrices()
    {
        Send(2003, 0, Side.Sell, 5, OrdType.Stop, TimeInForce.Day, stopPrice: 185_50000000);
        Assert.Equal(
            """{"symbol":"AAPL","qty":"5","side":"sell","type":"stop","time_in_force":"day","stop_price":"185.5","client_order_id":"2003"}""",
            await OrderBody(0));

        Send(2004, 0, Side.Buy, 5, OrdType.StopLimit, TimeInForce.GoodTillCancel, price: 191_02000000, stopPrice: 191_00000000);
        Assert.Equal(
            """{"symbol":"AAPL","qty":"5","side":"buy","type":"stop_limit","time_in_force":"gtc","limit_price":"191.02","stop_price":"191","client_order_id":"2004"}""",
            await OrderBody(1));
    }

    [Theory]
    [InlineData(TimeInForce.AtTheOpening, "opg")]
    [InlineData(TimeInForce.AtTheClose, "cls")]
    [InlineData(TimeInForce.ImmediateOrCancel, "ioc")]
    [InlineData(TimeInForce.FillOrKill, "fok")]
    public async Task AuctionAndImmediateTimesInForce_MapToAlpacas(TimeInForce timeInForce, string alpaca)
    {
        Send(2005, 0, Side.Buy, 1, OrdType.Limit, timeInForce, price: 190_00000000);
        Assert.Equal(
            $$"""{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","time_in_force":"{{alpaca}}","limit_price":"190","client_order_id":"2005"}""",
            await OrderBody(0));
    }

    [Fact]
    public async Task TrailingStopWithBothTrails_IsRejectedWithoutARequest()
    {
        Send(2006, 0, Side.Sell, 1, OrdType.TrailingStop, TimeInForce.Day, trailPrice: 10_000_000, trailBps: 50);

        var report = Assert.Single(await ReportsUntil(1));
        Assert.Equal((2006L, ExecType.Rejected, OrdStatus.Rejected, RejectReason.VenueReject), (report.ClOrdId, report.Type, report.Status, report.Reason));
        Assert.Contains("exactly one of trail price and trail percent", report.Text, StringComparison.Ordinal);
        Assert.Equal(0, _server.OrderPosts);
    }

    [Fact]
    public async Task UnknownOrderType_IsRejected_NeverSentAsAMarketOrder()
    {
        Send(2007, 0, Side.Buy, 1, (OrdType)'P', TimeInForce.Day, price: 190_00000000);

        var report = Assert.Single(await ReportsUntil(1));
        Assert.Equal((ExecType.Rejected, RejectReason.VenueReject), (report.Type, report.Reason));
        Assert.Contains("no alpaca equivalent", report.Text, StringComparison.Ordinal);
        Assert.Equal(0, _server.OrderPosts);
    }
}
