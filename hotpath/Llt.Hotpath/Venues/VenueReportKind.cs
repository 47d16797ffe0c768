namespace Llt.Hotpath.Venues;

/// <summary>What a <see cref="VenueReport"/> says; the engine maps it onto an SBE ExecutionReport's ExecType.</summary>
public enum VenueReportKind : byte
{
    /// <summary>Order accepted and working (ExecType New).</summary>
    Ack = 0,
    /// <summary>A partial or full fill; <see cref="VenueReport.LeavesQty"/> 0 means filled.</summary>
    Fill,
    /// <summary>Cancelled by request, or the unfilled remainder of a market / IOC / FOK order.</summary>
    Canceled,
    /// <summary>New order refused by the venue at arrival (e.g. post-only that would cross).</summary>
    Rejected,
    Replaced,
    /// <summary>A Day order ended by <see cref="SimulatedExchange.ExpireDayOrders"/>.</summary>
    Expired,
    /// <summary>A cancel or replace refused (unknown order, invalid quantity, duplicate id).</summary>
    CancelRejected,
}
