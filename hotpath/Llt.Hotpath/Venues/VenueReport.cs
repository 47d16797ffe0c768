using Llt.Sbe;

namespace Llt.Hotpath.Venues;

/// <summary>
/// One execution report from a venue, delivered by <see cref="SimulatedExchange.Poll{THandler}"/> at
/// <see cref="TimestampNs"/>. Prices and fees are fixed-point 10^-8; a negative fee is a rebate.
/// </summary>
public struct VenueReport
{
    /// <summary>When the engine receives it: venue event time + ack latency.</summary>
    public long TimestampNs;
    /// <summary>When it happened at the venue.</summary>
    public long VenueTimeNs;
    public VenueReportKind Kind;
    public long ClOrdId;
    /// <summary>For <see cref="VenueReportKind.Replaced"/> and replace rejects: the id being replaced.</summary>
    public long OrigClOrdId;
    public int InstrumentId;
    public Side Side;
    /// <summary>Fill price for fills; the order's price otherwise.</summary>
    public long Price;
    /// <summary>This fill's quantity (fills only).</summary>
    public long LastQty;
    public long CumQty;
    public long LeavesQty;
    public long Fee;
    public Liquidity Liquidity;
    public RejectReason RejectReason;
    public VenueRejectCode RejectCode;
}
