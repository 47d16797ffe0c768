using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Orders;

/// <summary>
/// Encodes a <see cref="RouteDecision"/> and its legs as the schema's RouteDecision message (header included),
/// ready for the journal: <c>journal.AppendScratch(RouteDecisionEncoder.TemplateId, RouteDecisionWriter.Encode(scratch, decision, legs))</c>.
/// </summary>
public static class RouteDecisionWriter
{
    /// <summary>Bytes needed for a decision with <paramref name="legCount"/> legs.</summary>
    public static int EncodedLength(int legCount) =>
        RouteDecisionEncoder.HeaderLength + RouteDecisionEncoder.BlockLength
        + RouteDecisionEncoder.LegsEncoder.HeaderLength + (legCount * RouteDecisionEncoder.LegsEncoder.BlockLength);

    /// <summary>Writes header, fixed block and the first <see cref="RouteDecision.LegCount"/> legs; returns the length.</summary>
    public static int Encode(Span<byte> buffer, in RouteDecision decision, ReadOnlySpan<RouteLeg> legs)
    {
        var encoder = RouteDecisionEncoder.WrapAndApplyHeader(buffer, 0);
        encoder.SetParentClOrdId((ulong)decision.ParentClOrdId);
        encoder.SetInstrumentId(decision.InstrumentId);
        encoder.SetSide(decision.Side);
        encoder.SetQty(decision.Qty);
        encoder.SetDecisionTs((ulong)decision.DecisionTs);
        var group = encoder.LegsCount(decision.LegCount);
        for (int i = 0; i < decision.LegCount; i++)
        {
            ref readonly RouteLeg leg = ref legs[i];
            group.Next();
            group.SetClOrdId((ulong)leg.ClOrdId);
            group.SetVenueId((short)leg.VenueId);
            // market children carry no price: the schema's null, not the in-engine sentinel
            group.SetPrice(leg.Price == OrderRequest.NoPrice ? RouteDecisionEncoder.LegsEncoder.PriceNullValue : leg.Price);
            group.SetQty(leg.Qty);
        }

        return RouteDecisionEncoder.HeaderLength + encoder.EncodedLength;
    }
}
