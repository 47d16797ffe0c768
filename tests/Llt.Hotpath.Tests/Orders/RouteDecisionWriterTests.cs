using Llt.Hotpath.Orders;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Orders;

public sealed class RouteDecisionWriterTests
{
    [Fact]
    public void Encode_RoundTripsThroughTheGeneratedDecoder()
    {
        RouteLeg[] legs = [new(2, 300, 1_000, ClOrdId: 11), new(0, 700, OrderRequest.NoPrice, IsRemainder: true, ClOrdId: 12)];
        var decision = new RouteDecision(99, 5, Side.Sell, 1_000, 123_456, 2, 300, 700);
        var buffer = new byte[RouteDecisionWriter.EncodedLength(2)];

        int length = RouteDecisionWriter.Encode(buffer, decision, legs);

        Assert.Equal(buffer.Length, length);
        var decoder = RouteDecisionDecoder.WrapWithHeader(buffer, 0);
        Assert.Equal((99UL, 5, Side.Sell, 1_000L, 123_456UL), (decoder.ParentClOrdId, decoder.InstrumentId, decoder.Side, decoder.Qty, decoder.DecisionTs));
        var group = decoder.Legs();
        Assert.Equal(2, group.Count);
        var first = group.Next();
        Assert.Equal((11UL, (short)2, 1_000L, 300L), (first.ClOrdId, first.VenueId, first.Price, first.Qty));
        var second = group.Next();
        Assert.Equal((12UL, (short)0, 700L), (second.ClOrdId, second.VenueId, second.Qty));
        Assert.Equal(RouteDecisionEncoder.LegsEncoder.PriceNullValue, second.Price);
    }
}
