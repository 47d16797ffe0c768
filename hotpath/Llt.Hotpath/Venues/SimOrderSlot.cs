using Llt.Sbe;

namespace Llt.Hotpath.Venues;

/// <summary>One of our orders at the simulated venue; slots live in a preallocated array.</summary>
internal struct SimOrderSlot
{
    public long ClOrdId;
    public long Price;
    public long OrderQty;
    public long CumQty;
    /// <summary>Market (not our) volume displayed ahead of this order at its price.</summary>
    public long QueueAhead;
    /// <summary>Print volume at our price not yet seen as a displayed-size decrease (so it is not counted twice).</summary>
    public long UnmatchedPrintQty;
    /// <summary>Trigger of an armed stop: fixed for stop and stop-limit, following <see cref="WaterMark"/> for a trailing stop (0 until the first print).</summary>
    public long StopPrice;
    /// <summary>Trailing stop: the trail as a price offset, or 0 when <see cref="TrailBps"/> is used.</summary>
    public long TrailPrice;
    /// <summary>Trailing stop: best print since arrival (highest for a sell, lowest for a buy); 0 before the first.</summary>
    public long WaterMark;
    public int TrailBps;
    public int InstrumentId;
    /// <summary>Neighbours in the instrument side's resting list (price, then time, best first); -1 at the ends.</summary>
    public int Prev;
    public int Next;
    public Side Side;
    public OrdType OrdType;
    public TimeInForce TimeInForce;
    public ExecInst ExecInst;
    public SimOrderState State;

    public readonly long LeavesQty => OrderQty - CumQty;
}
