using System.Runtime.CompilerServices;
using Llt.Hotpath.Strategies;

namespace Llt.Hotpath.Orders;

/// <summary>
/// What the router knows about one venue for the instrument and side being routed; the engine keeps an array
/// of these per instrument and updates it in place. <see cref="Price"/>/<see cref="DisplayedQty"/> are the
/// venue's best level on the side the order would take: the best ask for a buy, the best bid for a sell
/// (<see cref="OrderRequest.NoPrice"/> or size 0 when the venue shows nothing).
/// <para>
/// Fees are a <b>taker fee per unit</b>, fixed-point 10^-8 of the price currency (negative = rebate): the
/// router sends marketable children, so the taker side is what they pay; a per-unit figure adds directly to
/// the price, so all-in cost = price + fee (buy) or price − fee (sell) needs no rounding. A venue quoting its
/// fee in bps converts once at configuration time.
/// </para>
/// </summary>
public struct VenueQuote
{
    public int VenueId;
    public long Price;
    public long DisplayedQty;
    public long TakerFeePerUnit;
    public long LatencyNs;
    public bool IsUp;

    public VenueQuote(int venueId, long price, long displayedQty, long takerFeePerUnit, long latencyNs, bool isUp = true)
    {
        VenueId = venueId;
        Price = price;
        DisplayedQty = displayedQty;
        TakerFeePerUnit = takerFeePerUnit;
        LatencyNs = latencyNs;
        IsUp = isUp;
    }

    public readonly bool HasQuote
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Price != OrderRequest.NoPrice && DisplayedQty > 0;
    }
}
