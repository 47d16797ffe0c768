using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Llt.Hotpath.Config;
using Llt.Hotpath.Counters;
using Llt.Hotpath.Feeds.Publishing;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Orders;
using Llt.Hotpath.Strategies;
using Llt.Hotpath.Venues;
using Llt.Sbe;

namespace Llt.Hotpath.Engine;

/// <summary>
/// The trader's end of the gateway: encodes orders, cancels and replaces as SBE NewOrder / CancelOrder / ReplaceOrder into the gateway
/// ring (in place, claimed and committed: no copy), forwards the quotes and trades the simulated venues trade
/// against on the same ring, and reads the venues' reports back from the report ring. What the trader knows
/// about a venue is its configuration (<see cref="VenueConfig"/>): it never reads a venue's state, which lives
/// on the gateway's thread in pipelined mode.
/// <para>
/// Trades are forwarded on demand, per instrument: a print acts on a simulated venue only through our resting
/// orders on that instrument, so while none of our orders works there (from the order's commit until the trader
/// reads its final report) the print is not forwarded — most instruments have nothing working most of the time,
/// and the gateway's cost per trade drops to a counter increment. Quotes always go through: every quote shapes
/// the venue's visible book (docs/VENUES.md, "The market model").
/// </para>
/// </summary>
public sealed class VenueGateway
{
    /// <summary>msgTypeId of a report on the report ring: a raw <see cref="VenueReport"/> (process-local; the trader journals it as an SBE ExecutionReport).</summary>
    public const int VenueReportTypeId = 1100;

    private const int NewOrderLength = NewOrderEncoder.HeaderLength + NewOrderEncoder.BlockLength;
    private const int CancelLength = CancelOrderEncoder.HeaderLength + CancelOrderEncoder.BlockLength;

    // the sealed type: TryClaim on every order is a direct call Native AOT can inline (not through the abstract base)
    private readonly OneToOneRingBuffer _orders;
    private readonly OneToOneRingBuffer _reports;
    private readonly string[] _names;
    private readonly LiquidityShare[] _shares;
    private readonly bool[] _simulated;
    // per instrument: our orders at simulated venues not yet closed (by the trader's reading of their reports)
    private readonly int[] _working;

    public VenueGateway(OneToOneRingBuffer orders, OneToOneRingBuffer reports, IReadOnlyList<VenueConfig> venues, CountersManager counters, int instrumentCount)
    {
        ArgumentOutOfRangeException.ThrowIfZero(venues.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(instrumentCount);
        _orders = orders;
        _working = new int[instrumentCount];
        _simulated = new bool[venues.Count];
        _reports = reports;
        Venues = [.. venues];
        _names = new string[venues.Count];
        _shares = new LiquidityShare[venues.Count];
        for (int v = 0; v < venues.Count; v++)
        {
            _names[v] = venues[v].Name;
            _shares[v] = new LiquidityShare(venues[v].LiquidityShare);
            _simulated[v] = !venues[v].IsExternal;
        }

        OrdersRefused = counters.AllocateCounter(534, "gateway: orders and cancels refused (gateway ring full)");
        MarketDataDropped = counters.AllocateCounter(535, "gateway: quotes/trades not forwarded (gateway ring full)");
        TradesNotForwarded = counters.AllocateCounter(517, "gateway: trades not forwarded (no order of ours working on the instrument)");
        Malformed = counters.AllocateCounter(536, "gateway: unknown records on the report ring");
    }

    public int VenueCount => _names.Length;

    public VenueConfig[] Venues { get; }

    public RingBuffer OrderRing => _orders;

    public RingBuffer ReportRing => _reports;

    public Counter OrdersRefused { get; }

    public Counter MarketDataDropped { get; }

    /// <summary>Trades not forwarded because no order of ours worked on their instrument.</summary>
    public Counter TradesNotForwarded { get; }

    /// <summary>Our orders at simulated venues on <paramref name="instrumentId"/> that the trader has not seen closed.</summary>
    public int WorkingAt(int instrumentId) => (uint)instrumentId < (uint)_working.Length ? _working[instrumentId] : 0;

    public Counter Malformed { get; }

    public string NameOf(int venueId) => _names[venueId];

    /// <summary>The part of the market's displayed <paramref name="size"/> venue <paramref name="venueId"/> shows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long DisplayedAt(int venueId, long size) => _shares[venueId].Apply(size);

    /// <summary>Encodes the order for venue <paramref name="venueId"/> into the gateway ring; false when the ring is full.</summary>
    // on every order before it leaves: Native AOT has no profile to inline it by (a call each cost the routed order ~3 ns)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool SendNew(int venueId, long clOrdId, int strategyId, in OrderRequest request, long receiveTs, long decisionTs)
    {
        int instrumentId = request.InstrumentId;
        bool simulated = _simulated[venueId] && (uint)instrumentId < (uint)_working.Length;
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
        order.SetStopPrice(request.StopPrice > 0 ? request.StopPrice : NewOrderEncoder.StopPriceNullValue);
        order.SetQty(request.Qty);
        order.SetReceiveTs((ulong)receiveTs);
        order.SetDecisionTs((ulong)decisionTs);
        order.SetTrailPrice(request.TrailPrice > 0 ? request.TrailPrice : NewOrderEncoder.TrailPriceNullValue);
        order.SetTrailBps(request.TrailBps > 0 ? request.TrailBps : NewOrderEncoder.TrailBpsNullValue);
        _orders.Commit(index);
        if (simulated)
        {
            _working[instrumentId]++;
        }

        return true;
    }

    /// <summary>
    /// The trader read the final report of an order it sent to <paramref name="venueId"/> (filled, cancelled,
    /// expired or rejected): the venue holds nothing more for it.
    /// </summary>
    public void OnOrderClosed(int venueId, int instrumentId)
    {
        if ((uint)venueId < (uint)_simulated.Length && _simulated[venueId]
            && (uint)instrumentId < (uint)_working.Length && _working[instrumentId] > 0)
        {
            _working[instrumentId]--;
        }
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

    /// <summary>
    /// Asks whichever venue holds <paramref name="origClOrdId"/> to replace it with <paramref name="clOrdId"/> at
    /// <paramref name="price"/> (<see cref="OrderRequest.NoPrice"/>: keep) and a new total <paramref name="qty"/>;
    /// false when the ring is full.
    /// </summary>
    public bool SendReplace(long clOrdId, long origClOrdId, int instrumentId, int strategyId, long price, long qty, long decisionTs)
    {
        int index = _orders.TryClaim(ReplaceOrderEncoder.TemplateId, ReplaceOrderWriter.Length);
        if (index < 0)
        {
            OrdersRefused.Increment();
            return false;
        }

        ReplaceOrderWriter.Encode(_orders.Buffer.AsSpan(index, ReplaceOrderWriter.Length), clOrdId, origClOrdId, instrumentId, strategyId, price, qty, decisionTs);
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
        if ((uint)instrumentId < (uint)_working.Length && _working[instrumentId] == 0)
        {
            // a print reaches the venues only through our resting orders, and there are none on this instrument
            TradesNotForwarded.Increment();
            return;
        }

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
