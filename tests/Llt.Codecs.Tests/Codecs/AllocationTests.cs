using Llt.Codecs.Runtime;
using Llt.Tests.Features;

namespace Llt.Codecs.Tests.Codecs;

public sealed class AllocationTests
{
    [Fact]
    public void EncodeAndDecode_WithGroupsAndVarData_AllocateNothingAfterWarmUp()
    {
        var buffer = new byte[512];
        long digest = 0;
        for (int i = 0; i < 200; i++)
        {
            digest += RoundTrip(buffer, i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20_000; i++)
        {
            digest += RoundTrip(buffer, i);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, digest);
    }

    private static long RoundTrip(Span<byte> buffer, int i)
    {
        var e = NestedEncoder.WrapAndApplyHeader(buffer, 0);
        e.Id = (ulong)i;
        var outer = e.OuterCount(1);
        outer.Next();
        outer.X = i;
        var middle = outer.MiddleCount(1);
        middle.Next();
        middle.Y = 3;
        var inner = middle.InnerCount(2);
        inner.Next();
        inner.Z = i * 2L;
        inner.SetInnerNote("abc");
        inner.Next();
        inner.Z = i * 3L;
        inner.SetInnerNote("defg"u8);
        middle.SetMiddleNote("m"u8);
        outer.SetOuterNote("héllo");
        e.EmptyCount(0);
        e.SetTag8("t8"u8);
        e.SetTag16("t16");
        e.SetTag32("t32");

        var quote = QuoteEncoder.WrapAndApplyHeader(buffer, 300);
        quote.BidPrice = i;
        quote.AskPrice = i + 1;
        quote.Side = Side.Buy;

        if (NestedDecoder.TryDecode(buffer, 0, out NestedDecoder d, out _) != SbeDecodeStatus.Ok)
        {
            return 0;
        }

        var q = QuoteDecoder.WrapWithHeader(buffer, 300);
        return NestedMessageWriter.ReadAll(ref d) + q.AskPrice - q.BidPrice;
    }
}
