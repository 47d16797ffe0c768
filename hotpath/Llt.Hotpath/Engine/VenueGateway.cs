using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Llt.Hotpath.Config;
using Llt.Hotpath.Counters;
using Llt.Hotpath.Feeds.Publishing;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Strategies;
using Llt.Hotpath.Venues;
using Llt.Sbe;

namespace Llt.Hotpath.Engine;

/// <summary>
/// The trader's end of the gateway: encodes orders and cancels as SBE NewOrder / CancelOrder into the gateway
/// ring (in place, claimed and committed: no copy), forwards the quotes and trades the simulated venues trade
/// against on the same ring, and reads the venues' reports back from the report ring. What the trader knows
/// about a venue is its configuration (<see cref="VenueConfig"/>): it never reads a venue's state, which lives
/// on the gateway's thread in pipelined mode.
/// </summary>
public sealed class VenueGateway
{
    /// <summary>msgTypeId of a report on the report ring: a raw <see cref="VenueReport"/> (process-local; the trader journals it as an SBE ExecutionReport).</summary>
    public const int VenueReportTypeId = 1100;

    private const int NewOrderLength = NewOrderEncoder.HeaderLength + NewOrderEncoder.BlockLength;
    private const int CancelLength = CancelOrderEncoder.HeaderLength + CancelOrderEncoder.BlockLength;

    private readonly RingBuffer _orders;
    private readonly RingBuffer _reports;
    private readonly string[] _names;
    private readonly LiquidityShare[] _shares;

    public VenueGateway(RingBuffer orders, RingBuffer reports, IReadOnlyList<VenueConfig> venues, CountersManager counters)
    {
        ArgumentOutOfRangeException.ThrowIfZero(venues.Count);
        _orders = orders;
        _reports = reports;
        Venues = [.. venues];
        _names = new string[venues.Count];
        _shares = new LiquidityShare[venues.Count];
        for (int v = 0; v < venues.Count; v++)
        {
            _names[v] = venues[v].Name;
            _shares[v] = new LiquidityShare(venues[v].LiquidityShare);
        }

        OrdersRefused = counters.AllocateCounter(534, "gateway: orders and cancels refused (gateway ring full)");
        MarketDataDropped = counters.AllocateCounter(535, "gateway: quotes/trades not forwarded (gateway ring full)");
        Malformed = counters.AllocateCounter(536, "gateway: unknown records on the report ring");
    }

    public int VenueCount => _names.Length;

    public VenueConfig[] Venues { get; }

    public RingBuffer OrderRing => _orders;

    public RingBuffer ReportRing => _reports;

    public Counter OrdersRefused { get; }

    public Counter MarketDataDropped { get; }

    public Counter Malformed { get; }

    public string NameOf(int venueId) => _names[venueId];

    /// <summary>The part of the market's displayed <paramref name="size"/> venue <paramref name="venueId"/> shows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long DisplayedAt(int venueId, long size) => _shares[venueId].Apply(size);

    /// <summary>Encodes the order for venue <paramref name="venueId"/> into the gateway ring; false when the ring is full.</summary>
    public bool SendNew(int venueId, long clOrdId, int strategyId, in OrderRequest request, long receiveTs, long decisionTs)
    {
        int index = _orders.TryClaim(NewOrderEncoder.TemplateId, NewOrderLength);
        if (index < 0)
        {
            OrdersRefused.Increment();
            return false;
        }

        var order = NewOrderEncoder.WrapAndApplyHeader(_orders.Buffer.AsSpan(index, NewOrderLength), 0);
        order.SetClOrdId((ulong)clOrdId);
        order.SetInstrumentId(request.InstrumentId);
        order.SetStrategyId((short)strategyId);
        order.SetVenueId((short)venueId);
        order.SetSide(request.Side);
        order.SetOrdType(request.OrdType);
        order.SetTimeInForce(request.TimeInForce);
        order.SetExecInst(request.ExecInst);
        order.SetPrice(request.Price == OrderRequest.NoPrice ? NewOrderEncoder.PriceNullValue : request.Price);
        order.SetStopPrice(NewOrderEncoder.StopPriceNullValue);
        order.SetQty(request.Qty);
        order.SetReceiveTs((ulong)receiveTs);
        order.SetDecisionTs((ulong)decisionTs);
        _orders.Commit(index);
        return true;
    }

    /// <summary>Asks whichever venue holds <paramref name="origClOrdId"/> to cancel it; false when the ring is full.</summary>
    public bool SendCancel(long cancelId, long origClOrdId, int instrumentId, int strategyId, long nowNs)
    {
        int index = _orders.TryClaim(CancelOrderEncoder.TemplateId, CancelLength);
        if (index < 0)
        {
            OrdersRefused.Increment();
            return false;
        }

        var cancel = CancelOrderEncoder.WrapAndApplyHeader(_orders.Buffer.AsSpan(index, CancelLength), 0);
        cancel.SetClOrdId((ulong)cancelId);
        cancel.SetOrigClOrdId((ulong)origClOrdId);
        cancel.SetInstrumentId(instrumentId);
        cancel.SetStrategyId((short)strategyId);
        cancel.SetDecisionTs((ulong)nowNs);
        _orders.Commit(index);
        return true;
    }

    /// <summary>Forwards a quote to the simulated venues (they match against it); dropped and counted when the ring is full.</summary>
    public void SendQuote(int instrumentId, long bidPrice, long bidSize, long askPrice, long askSize, long receiveTs)
    {
        if (!MarketDataRecords.TryWriteQuote(_orders, instrumentId, 0, bidPrice, bidSize, askPrice, askSize, receiveTs, receiveTs))
        {
            MarketDataDropped.Increment();
        }
    }

    public void SendTrade(int instrumentId, long price, long size, long receiveTs)
    {
        if (!MarketDataRecords.TryWriteTrade(_orders, instrumentId, 0, AggressorSide.Unknown, price, size, 0, receiveTs, receiveTs))
        {
            MarketDataDropped.Increment();
        }
    }

    /// <summary>Hands every report waiting on the report ring (up to <paramref name="limit"/>) to <paramref name="handler"/>.</summary>
    public int Poll<THandler>(ref THandler handler, int limit)
        where THandler : struct, IVenueReportHandler
    {
        var reader = new ReportReader<THandler>(handler, Malformed);
        int read = _reports.Read(ref reader, limit);
        handler = reader.Handler;
        return read;
    }

    private struct ReportReader<THandler> : IMessageHandler
        where THandler : struct, IVenueReportHandler
    {
        private readonly Counter _malformed;

        public ReportReader(THandler handler, Counter malformed)
        {
            Handler = handler;
            _malformed = malformed;
        }

        public THandler Handler;

        public void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length)
        {
            if (msgTypeId != VenueReportTypeId || length != Unsafe.SizeOf<VenueReport>())
            {
                _malformed.Increment();
                return;
            }

            Handler.OnReport(MemoryMarshal.AsRef<VenueReport>(buffer.AsSpan(index, length)));
        }
    }
}
