namespace Llt.Hotpath.Venues;

/// <summary>A request on its way to the venue, acted on at <see cref="ArrivalNs"/>.</summary>
internal struct VenueRequest
{
    public long ArrivalNs;
    public long ClOrdId;
    public long NewClOrdId;
    public long Price;
    public long Qty;
    /// <summary>Order slot for <see cref="VenueRequestKind.New"/>.</summary>
    public int Slot;
    public VenueRequestKind Kind;
}
