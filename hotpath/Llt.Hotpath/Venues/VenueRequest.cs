namespace Llt.Hotpath.Venues;

/// <summary>A request on its way to the venue, acted on at <see cref="ArrivalNs"/>.</summary>
internal struct VenueRequest
{
    public long ArrivalNs;
    public long ClOrdId;
    public long NewClOrdId;
    public long Price;
    /// <summary>For a replace of an untriggered stop: its new stop price; 0 keeps it.</summary>
    public long StopPrice;
    public long Qty;
    /// <summary>Order slot for <see cref="VenueRequestKind.New"/>.</summary>
    public int Slot;
    public VenueRequestKind Kind;
}
