using System.Runtime.CompilerServices;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Orders;

/// <summary>
/// Splits a parent order across venues, single-threaded, without allocating. Up venues are ranked: venues
/// showing a price first, then best price (lowest ask for a buy, highest bid for a sell), then lowest all-in
/// cost (price ± taker fee, see <see cref="VenueQuote"/>), then lowest latency, then lowest venue id (so the
/// result is deterministic). Down venues are skipped.
/// <para>
/// The router walks the ranking taking each venue's displayed size until the quantity is covered. For a
/// limit order it stops at the first venue whose price is worse than the limit; a child takes at the venue's
/// displayed price (a marketable limit that rests rather than walks deeper if the level vanishes). Any
/// quantity left is one remainder leg at the top-ranked up venue at the parent's limit, to rest there.
/// For a market order all children are market (no price); the uncovered remainder is added to the
/// top-ranked venue's leg (or is a leg of its own when that venue shows nothing), since a market order means
/// "complete now".
/// </para>
/// <para>
/// A stop, stop-limit or trailing-stop order is not split: it waits for its trigger, so today's displayed sizes
/// say nothing about where it will fill. It goes whole, as it is (its stop, limit and trail), to the top-ranked up venue.
/// </para>
/// </summary>
public sealed class SmartOrderRouter
{
    private readonly int[] _ranked;

    public SmartOrderRouter(int maxVenues)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxVenues, 1);
        _ranked = new int[maxVenues];
    }

    public int MaxVenues => _ranked.Length;

    /// <summary>
    /// Routes <paramref name="request"/> over <paramref name="venues"/>, writing legs into <paramref name="legs"/>
    /// (needs room for one leg per up venue plus one) and the journal header into <paramref name="decision"/>.
    /// </summary>
    // on every order before it leaves: Native AOT has no profile to inline it by (a call each cost the routed order ~3 ns)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RouteResult Route(
        long parentClOrdId, in OrderRequest request, ReadOnlySpan<VenueQuote> venues, Span<RouteLeg> legs,
        long decisionTs, out RouteDecision decision)
    {
        decision = default;
        if (request.Qty <= 0)
        {
            return RouteResult.InvalidQty;
        }

        bool isMarket = request.OrdType == OrdType.Market;
        if (request.IsContingent)
        {
            return RouteWhole(parentClOrdId, request, venues, legs, decisionTs, out decision);
        }

        if (!isMarket && (request.Price == OrderRequest.NoPrice || request.Price <= 0))
        {
            return RouteResult.InvalidPrice;
        }

        if (venues.Length > _ranked.Length)
        {
            return RouteResult.TooManyVenues;
        }

        int upCount = RankUpVenues(venues, request.Side);
        if (upCount == 0)
        {
            return RouteResult.VenueDown;
        }

        if (legs.Length < upCount + 1)
        {
            return RouteResult.LegCapacity;
        }

        long remaining = request.Qty;
        int legCount = 0;
        for (int r = 0; r < upCount && remaining > 0; r++)
        {
            ref readonly VenueQuote venue = ref venues[_ranked[r]];
            // ranking puts quoted venues first and sorts them by price, so the first miss ends the walk
            if (!venue.HasQuote || (!isMarket && !IsMarketable(request.Side, venue.Price, request.Price)))
            {
                break;
            }

            long take = Math.Min(venue.DisplayedQty, remaining);
            legs[legCount++] = new RouteLeg(venue.VenueId, take, isMarket ? OrderRequest.NoPrice : venue.Price);
            remaining -= take;
        }

        long displayed = request.Qty - remaining;
        if (remaining > 0)
        {
            int bestVenueId = venues[_ranked[0]].VenueId;
            if (isMarket && legCount > 0 && legs[0].VenueId == bestVenueId)
            {
                legs[0] = legs[0] with { Qty = legs[0].Qty + remaining, IsRemainder = true };
            }
            else
            {
                legs[legCount++] = new RouteLeg(bestVenueId, remaining, isMarket ? OrderRequest.NoPrice : request.Price, IsRemainder: true);
            }
        }

        decision = new RouteDecision(
            parentClOrdId, request.InstrumentId, request.Side, request.Qty, decisionTs, legCount, displayed, remaining);
        return RouteResult.Routed;
    }

    private RouteResult RouteWhole(
        long parentClOrdId, in OrderRequest request, ReadOnlySpan<VenueQuote> venues, Span<RouteLeg> legs, long decisionTs,
        out RouteDecision decision)
    {
        decision = default;
        if (request.OrdType == OrdType.StopLimit && (request.Price == OrderRequest.NoPrice || request.Price <= 0))
        {
            return RouteResult.InvalidPrice;
        }

        if (venues.Length > _ranked.Length)
        {
            return RouteResult.TooManyVenues;
        }

        if (RankUpVenues(venues, request.Side) == 0)
        {
            return RouteResult.VenueDown;
        }

        if (legs.Length < 1)
        {
            return RouteResult.LegCapacity;
        }

        legs[0] = new RouteLeg(venues[_ranked[0]].VenueId, request.Qty, request.Price, IsRemainder: true);
        decision = new RouteDecision(parentClOrdId, request.InstrumentId, request.Side, request.Qty, decisionTs, 1, 0, request.Qty);
        return RouteResult.Routed;
    }

    private static bool IsMarketable(Side side, long venuePrice, long limit) =>
        side == Side.Buy ? venuePrice <= limit : venuePrice >= limit;

    /// <summary>Insertion sort of the up venues' indices into _ranked (a handful of venues: no need for more).</summary>
    // on every order before it leaves: Native AOT has no profile to inline it by (a call each cost the routed order ~3 ns)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int RankUpVenues(ReadOnlySpan<VenueQuote> venues, Side side)
    {
        int count = 0;
        for (int i = 0; i < venues.Length; i++)
        {
            if (!venues[i].IsUp)
            {
                continue;
            }

            int j = count++;
            while (j > 0 && IsBetter(venues[i], venues[_ranked[j - 1]], side))
            {
                _ranked[j] = _ranked[j - 1];
                j--;
            }

            _ranked[j] = i;
        }

        return count;
    }

    private static bool IsBetter(in VenueQuote a, in VenueQuote b, Side side)
    {
        if (a.HasQuote != b.HasQuote)
        {
            return a.HasQuote;
        }

        if (a.HasQuote && a.Price != b.Price)
        {
            return side == Side.Buy ? a.Price < b.Price : a.Price > b.Price;
        }

        // equal (or no) price: the all-in cost differs only by the fee, for either side
        if (a.TakerFeePerUnit != b.TakerFeePerUnit)
        {
            return a.TakerFeePerUnit < b.TakerFeePerUnit;
        }

        if (a.LatencyNs != b.LatencyNs)
        {
            return a.LatencyNs < b.LatencyNs;
        }

        return a.VenueId < b.VenueId;
    }
}
