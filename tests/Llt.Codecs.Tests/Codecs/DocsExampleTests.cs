using Llt.Codecs.Runtime;
using Llt.Example;

namespace Llt.Codecs.Tests.Codecs;

/// <summary>The worked example in docs/SBE.md, as a test.</summary>
public sealed class DocsExampleTests
{
    [Fact]
    public void WorkedExample_EncodesAndDecodesAsDocumented()
    {
        Span<byte> buffer = stackalloc byte[256];

        var order = OrderEncoder.WrapAndApplyHeader(buffer, 0);
        order.OrderId = 42;
        order.Side = Side.Buy;
        order.Price = OrderEncoder.PriceNullValue;
        var fills = order.FillsCount(2);
        fills.Next();
        fills.Px = 100_00000000;
        fills.Qty = 5;
        fills.Next();
        fills.Px = 101_00000000;
        fills.Qty = 7;
        order.SetNote("hedge");
        int length = OrderEncoder.HeaderLength + order.EncodedLength;

        Assert.Equal(17, OrderEncoder.BlockLength);
        Assert.Equal(SbeDecodeStatus.Ok, OrderDecoder.TryDecode(buffer[..length], 0, out OrderDecoder d, out _));
        Assert.Equal(42UL, d.OrderId);
        Assert.Equal(OrderDecoder.PriceNullValue, d.Price);
        var quantities = new List<int>();
        foreach (var fill in d.Fills())
        {
            quantities.Add(fill.Qty);
        }

        Assert.Equal(new[] { 5, 7 }, quantities);
        Assert.Equal("hedge"u8.ToArray(), d.GetNote().ToArray());
        Assert.Equal(
            "Order(orderId=42, side=Buy, price=-9223372036854775808, fills=[(px=10000000000, qty=5), (px=10100000000, qty=7)], note='hedge')",
            d.ToString());
        Assert.Equal(42UL, OrderDecoder.WrapWithHeader(buffer, 0).OrderId);
    }
}
