using System.Runtime.InteropServices;
using Llt.Hotpath.Counters;
using Llt.Hotpath.Engine;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Venues;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>
/// The gateway agent's handling of a ReplaceOrder, on its own over in-process rings: venue 0 is external (the test
/// plays its adapter), venue 1 simulated. A replace goes to whichever venue holds the order; the external adapter's
/// answer comes back as the <see cref="VenueReport"/> a simulated venue would give.
/// </summary>
public sealed class GatewayAgentReplaceTests : IDisposable
{
    private const int External = 0;
    private const int Simulated = 1;
    private const int Instrument = 0;
    private const long Price = 100_00000000;
    private const long Tick = 1_000_000;
    private const int RingCapacity = 1 << 16;

    private static readonly CountersConfig CountersConfig = new()
    {
        MaxCounters = 16,
        MaxHistograms = 1,
        SignificantDigits = 2,
        HighestTrackableValueNs = 1_000_000_000L,
        ReuseTimeoutNs = 1_000,
    };

    private readonly AlignedMemory _ordersMemory = AlignedMemory.Allocate(RingBufferDescriptor.BufferLength(RingCapacity));
    private readonly AlignedMemory _reportsMemory = AlignedMemory.Allocate(RingBufferDescriptor.BufferLength(RingCapacity));
    private readonly AlignedMemory _outMemory = AlignedMemory.Allocate(RingBufferDescriptor.BufferLength(RingCapacity));
    private readonly AlignedMemory _inMemory = AlignedMemory.Allocate(RingBufferDescriptor.BufferLength(RingCapacity));
    private readonly AlignedMemory _countersMemory = AlignedMemory.Allocate(CountersConfig.FileLength());
    private readonly ManualNanoClock _clock = new(1_000_000_000);
    private readonly CountersManager _counters;
    private readonly OneToOneRingBuffer _orders;
    private readonly OneToOneRingBuffer _reports;
    private readonly OneToOneRingBuffer _out;
    private readonly ManyToOneRingBuffer _in;
    private readonly SimulatedExchange _venue;
    private readonly GatewayAgent _agent;
    private readonly byte[] _buffer = new byte[256];

    public GatewayAgentReplaceTests()
    {
        _counters = CountersManager.Wrap(_countersMemory.AsBuffer(), CountersConfig, _clock);
        _orders = new OneToOneRingBuffer(_ordersMemory.AsBuffer());
        _reports = new OneToOneRingBuffer(_reportsMemory.AsBuffer());
        _out = new OneToOneRingBuffer(_outMemory.AsBuffer());
        _in = new ManyToOneRingBuffer(_inMemory.AsBuffer());
        _venue = new SimulatedExchange(new SimulatedExchangeOptions
        {
            VenueId = Simulated,
            Name = "SIM",
            EntryLatencyNs = 0,
            AckLatencyNs = 0,
            InstrumentCount = 1,
            BookDepth = 8,
            OrderCapacity = 16,
            RequestCapacity = 16,
            ReportCapacity = 64,
        });
        _agent = new GatewayAgent(_orders, _reports, [null, _venue], [_out, null], _in, _clock, _counters);
    }

    public void Dispose()
    {
        _counters.Dispose();
        _countersMemory.Dispose();
        _ordersMemory.Dispose();
        _reportsMemory.Dispose();
        _outMemory.Dispose();
        _inMemory.Dispose();
    }

    private void NewOrder(long clOrdId, int venueId, long qty = 100)
    {
        var order = NewOrderEncoder.WrapAndApplyHeader(_buffer, 0);
        order.SetClOrdId((ulong)clOrdId);
        order.SetInstrumentId(Instrument);
        order.SetStrategyId(0);
        order.SetVenueId((byte)venueId);
        order.SetSide(Side.Buy);
        order.SetOrdType(OrdType.Limit);
        order.SetTimeInForce(TimeInForce.Day);
        order.SetExecInst(ExecInst.None);
        order.SetPrice(Price);
        order.SetStopPrice(NewOrderEncoder.StopPriceNullValue);
        order.SetTrailPrice(NewOrderEncoder.TrailPriceNullValue);
        order.SetTrailBps(NewOrderEncoder.TrailBpsNullValue);
        order.SetQty(qty);
        Assert.Equal(WriteResult.Success, _orders.Write(NewOrderEncoder.TemplateId, _buffer.AsSpan(0, NewOrderEncoder.HeaderLength + NewOrderEncoder.BlockLength)));
    }

    private byte[] ReplaceOrder(long clOrdId, long origClOrdId, long? price, long qty)
    {
        var replace = ReplaceOrderEncoder.WrapAndApplyHeader(_buffer, 0);
        replace.SetClOrdId((ulong)clOrdId);
        replace.SetOrigClOrdId((ulong)origClOrdId);
        replace.SetInstrumentId(Instrument);
        replace.SetStrategyId(0);
        replace.SetPrice(price ?? ReplaceOrderEncoder.PriceNullValue);
        replace.SetQty(qty);
        replace.SetDecisionTs(7);
        byte[] message = _buffer.AsSpan(0, ReplaceOrderEncoder.HeaderLength + ReplaceOrderEncoder.BlockLength).ToArray();
        Assert.Equal(WriteResult.Success, _orders.Write(ReplaceOrderEncoder.TemplateId, message));
        return message;
    }

    private void Cancel(long clOrdId, long origClOrdId)
    {
        var cancel = CancelOrderEncoder.WrapAndApplyHeader(_buffer, 0);
        cancel.SetClOrdId((ulong)clOrdId);
        cancel.SetOrigClOrdId((ulong)origClOrdId);
        cancel.SetInstrumentId(Instrument);
        cancel.SetStrategyId(0);
        Assert.Equal(WriteResult.Success, _orders.Write(CancelOrderEncoder.TemplateId, _buffer.AsSpan(0, CancelOrderEncoder.HeaderLength + CancelOrderEncoder.BlockLength)));
    }

    /// <summary>The adapter's ExecutionReport on the shared in ring.</summary>
    private void AdapterReport(long clOrdId, ExecType execType, OrdStatus status, long price, long orderQty, long cumQty, long leavesQty, RejectReason reason = RejectReason.None)
    {
        var report = ExecutionReportEncoder.WrapAndApplyHeader(_buffer, 0);
        report.SetClOrdId((ulong)clOrdId);
        report.SetVenueOrderId(77);
        report.SetInstrumentId(Instrument);
        report.SetStrategyId(0);
        report.SetVenueId(External);
        report.SetExecType(execType);
        report.SetOrdStatus(status);
        report.SetSide(Side.Buy);
        report.SetRejectReason(reason);
        report.SetPrice(price);
        report.SetOrderQty(orderQty);
        report.SetCumQty(cumQty);
        report.SetLeavesQty(leavesQty);
        report.SetAvgPx(ExecutionReportEncoder.AvgPxNullValue);
        report.SetTransactTs(1);
        report.SetReceiveTs(0);
        report.FillsCount(0);
        report.SetText(ReadOnlySpan<byte>.Empty);
        Assert.Equal(WriteResult.Success, _in.Write(ExecutionReportEncoder.TemplateId, _buffer.AsSpan(0, ExecutionReportEncoder.HeaderLength + report.EncodedLength)));
    }

    private void Work()
    {
        _clock.Advance(1_000);
        _agent.DoWork();
    }

    private List<(int Type, byte[] Body)> TakeOut()
    {
        var messages = new List<(int, byte[])>();
        _out.Read((type, buffer, index, length) => messages.Add((type, buffer.AsSpan(index, length).ToArray())), 100);
        return messages;
    }

    private List<VenueReport> TakeReports()
    {
        var reports = new List<VenueReport>();
        _reports.Read((type, buffer, index, length) =>
        {
            Assert.Equal(VenueGateway.VenueReportTypeId, type);
            reports.Add(MemoryMarshal.Read<VenueReport>(buffer.AsSpan(index, length)));
        }, 100);
        return reports;
    }

    /// <summary>Order 10 sent to the external venue and acknowledged there.</summary>
    private void WorkingExternalOrder()
    {
        NewOrder(10, External);
        Work();
        Assert.Equal(NewOrderDecoder.TemplateId, Assert.Single(TakeOut()).Type);
        AdapterReport(10, ExecType.New, OrdStatus.New, Price, 100, 0, 100);
        Work();
        Assert.Equal(VenueReportKind.Ack, Assert.Single(TakeReports()).Kind);
    }

    [Fact]
    public void ReplaceOfAnExternalOrder_IsCopiedToThatVenuesOutRing()
    {
        WorkingExternalOrder();

        byte[] sent = ReplaceOrder(11, 10, Price + Tick, 150);
        Work();

        var (type, body) = Assert.Single(TakeOut());
        Assert.Equal(ReplaceOrderDecoder.TemplateId, type);
        Assert.Equal(sent, body);
        ReplaceOrderDecoder replace = ReplaceOrderDecoder.Decode(body, 0);
        Assert.Equal((11UL, 10UL, Price + Tick, 150L), (replace.ClOrdId, replace.OrigClOrdId, replace.Price, replace.Qty));
        Assert.Empty(TakeReports());
        Assert.Equal(0, _agent.Rejected.Get());
        Assert.Equal(0, _agent.Malformed.Get());
    }

    [Fact]
    public void AdaptersReplaced_UnderTheNewId_BecomesAReplacedReport_NamingTheOldId()
    {
        WorkingExternalOrder();
        ReplaceOrder(11, 10, Price + Tick, 150);
        Work();
        TakeOut();

        AdapterReport(11, ExecType.Replaced, OrdStatus.New, Price + Tick, 150, 0, 150);
        Work();

        VenueReport report = Assert.Single(TakeReports());
        Assert.Equal(VenueReportKind.Replaced, report.Kind);
        Assert.Equal((11L, 10L), (report.ClOrdId, report.OrigClOrdId));
        Assert.Equal((Price + Tick, 0L, 150L), (report.Price, report.CumQty, report.LeavesQty));
        Assert.Equal(Instrument, report.InstrumentId);

        // the order works under 11 only: a cancel of 11 reaches the venue, one of 10 is too late
        Cancel(12, 11);
        Work();
        Assert.Equal(CancelOrderDecoder.TemplateId, Assert.Single(TakeOut()).Type);
        Cancel(13, 10);
        Work();
        Assert.Empty(TakeOut());
        VenueReport refused = Assert.Single(TakeReports());
        Assert.Equal((VenueReportKind.CancelRejected, RejectReason.TooLateToCancel), (refused.Kind, refused.RejectReason));
    }

    [Fact]
    public void AdaptersRejected_WithStatusNew_UnderTheNewId_BecomesCancelRejected_AndTheOldIdWorksOn()
    {
        WorkingExternalOrder();
        ReplaceOrder(11, 10, Price + Tick, 150);
        Work();
        TakeOut();

        AdapterReport(11, ExecType.Rejected, OrdStatus.New, Price, 100, 0, 100, RejectReason.VenueReject);
        Work();

        VenueReport report = Assert.Single(TakeReports());
        Assert.Equal(VenueReportKind.CancelRejected, report.Kind);
        Assert.Equal((11L, 10L, RejectReason.VenueReject), (report.ClOrdId, report.OrigClOrdId, report.RejectReason));

        Cancel(12, 10);
        Work();
        Assert.Equal(CancelOrderDecoder.TemplateId, Assert.Single(TakeOut()).Type);
        Cancel(13, 11);
        Work();
        Assert.Empty(TakeOut());
        Assert.Equal(VenueReportKind.CancelRejected, Assert.Single(TakeReports()).Kind);
    }

    [Fact]
    public void ReplacedWithNothingLeft_TheNewIdIsDoneToo()
    {
        WorkingExternalOrder();
        ReplaceOrder(11, 10, Price, 40);
        Work();
        TakeOut();

        AdapterReport(11, ExecType.Replaced, OrdStatus.Filled, Price, 40, 40, 0);
        Work();
        Assert.Equal(VenueReportKind.Replaced, Assert.Single(TakeReports()).Kind);

        long malformed = _agent.Malformed.Get();
        AdapterReport(11, ExecType.Canceled, OrdStatus.Canceled, Price, 40, 40, 0);
        Work();
        Assert.Empty(TakeReports());
        Assert.Equal(malformed + 1, _agent.Malformed.Get());
    }

    [Fact]
    public void ReplaceOfAnIdNoVenueHolds_IsCancelRejected_TooLateToCancel()
    {
        ReplaceOrder(11, 10, Price, 150);
        Work();

        Assert.Empty(TakeOut());
        VenueReport report = Assert.Single(TakeReports());
        Assert.Equal(VenueReportKind.CancelRejected, report.Kind);
        Assert.Equal((11L, 10L, RejectReason.TooLateToCancel), (report.ClOrdId, report.OrigClOrdId, report.RejectReason));
        Assert.Equal(Instrument, report.InstrumentId);
    }

    [Fact]
    public void ReplaceOfAnExternalOrderAlreadyDone_IsTooLate()
    {
        WorkingExternalOrder();
        AdapterReport(10, ExecType.Canceled, OrdStatus.Canceled, Price, 100, 0, 0);
        Work();
        TakeReports();

        ReplaceOrder(11, 10, Price, 150);
        Work();
        Assert.Empty(TakeOut());
        VenueReport report = Assert.Single(TakeReports());
        Assert.Equal((VenueReportKind.CancelRejected, RejectReason.TooLateToCancel), (report.Kind, report.RejectReason));
    }

    [Fact]
    public void TruncatedReplaceOrder_IsCountedMalformed_AndReachesNoVenue()
    {
        WorkingExternalOrder();
        Assert.Equal(WriteResult.Success, _orders.Write(ReplaceOrderDecoder.TemplateId, new byte[12]));
        Work();

        Assert.Equal(1, _agent.Malformed.Get());
        Assert.Empty(TakeOut());
        Assert.Empty(TakeReports());
    }

    [Fact]
    public void ReplaceAtASimulatedVenue_WithANullPrice_KeepsThePrice_AndChangesTheQty()
    {
        NewOrder(20, Simulated);
        Work();
        Work();
        Assert.Contains(TakeReports(), r => r.Kind == VenueReportKind.Ack && r.ClOrdId == 20);

        ReplaceOrder(21, 20, price: null, qty: 150);
        Work();
        Work();

        Assert.Empty(TakeOut());
        VenueReport report = Assert.Single(TakeReports());
        Assert.Equal(VenueReportKind.Replaced, report.Kind);
        Assert.Equal((21L, 20L), (report.ClOrdId, report.OrigClOrdId));
        Assert.Equal((Price, 150L), (report.Price, report.LeavesQty));
        Assert.True(_venue.Holds(21));
        Assert.False(_venue.Holds(20));
    }

    [Fact]
    public void ReplaceAtASimulatedVenue_WithAPrice_MovesTheOrder()
    {
        NewOrder(20, Simulated);
        Work();
        Work();
        TakeReports();

        ReplaceOrder(21, 20, Price - Tick, 100);
        Work();
        Work();

        VenueReport report = Assert.Single(TakeReports());
        Assert.Equal((VenueReportKind.Replaced, 21L, Price - Tick), (report.Kind, report.ClOrdId, report.Price));
    }

    [Fact]
    public void ReplaceAtASimulatedVenue_RefusedOnEntry_IsCancelRejected_UnderTheNewId()
    {
        NewOrder(20, Simulated);
        Work();
        Work();
        TakeReports();

        ReplaceOrder(21, 20, Price, qty: 0);
        Work();

        VenueReport report = Assert.Single(TakeReports());
        Assert.Equal(VenueReportKind.CancelRejected, report.Kind);
        Assert.Equal((21L, 20L, RejectReason.InvalidQty), (report.ClOrdId, report.OrigClOrdId, report.RejectReason));
        Assert.Equal(1, _agent.Rejected.Get());
        Assert.True(_venue.Holds(20));
    }

    [Fact]
    public void ReplaceWhenTheVenuesOutRingIsFull_IsCancelRejected_AndTheNewIdIsNotHeld()
    {
        WorkingExternalOrder();
        // fill the adapter's out ring with cancels of 10 until one is refused
        long cancelId = 1_000;
        while (TakeReports().Count == 0)
        {
            for (int i = 0; i < 100; i++)
            {
                Cancel(cancelId++, 10);
            }

            Work();
        }

        while (TakeReports().Count > 0)
        {
        }

        ReplaceOrder(11, 10, Price + Tick, 150);
        Work();
        VenueReport report = Assert.Single(TakeReports());
        Assert.Equal(VenueReportKind.CancelRejected, report.Kind);
        Assert.Equal((11L, 10L, RejectReason.VenueReject), (report.ClOrdId, report.OrigClOrdId, report.RejectReason));
        Assert.Equal(1, _agent.Rejected.Get());

        // drained, the ring takes requests again: 10 is still the venue's, 11 never was
        while (TakeOut().Count > 0)
        {
        }

        Cancel(cancelId++, 11);
        Work();
        Assert.Empty(TakeOut());
        Assert.Equal(RejectReason.TooLateToCancel, Assert.Single(TakeReports()).RejectReason);
        Cancel(cancelId, 10);
        Work();
        Assert.Equal(CancelOrderDecoder.TemplateId, Assert.Single(TakeOut()).Type);
    }
}
