using Llt.Codecs.Runtime;
using V1 = Llt.Tests.Evolution.V1;
using V2 = Llt.Tests.Evolution.V2;

namespace Llt.Codecs.Tests.Codecs;

/// <summary>
/// evolution-v1.xml and evolution-v2.xml share schema id 300 at versions 0 and 1: their generated namespaces stand in
/// for an old and a new build of the same schema talking to each other.
/// </summary>
public sealed class VersioningCodecTests
{
    [Fact]
    public void BlockLengths_GrowWithTheVersion()
    {
        Assert.Equal(12, V1.OrderEncoder.BlockLength);
        Assert.Equal(30, V2.OrderEncoder.BlockLength);
        Assert.Equal(12, V2.OrderDecoder.RequiredBlockLength(0));
        Assert.Equal(30, V2.OrderDecoder.RequiredBlockLength(1));
        Assert.Equal(V1.SbeSchema.Id, V2.SbeSchema.Id);
    }

    [Fact]
    public void NewDecoder_ReadingAnOldMessage_SeesNewFieldsAsNullAndNewDataAsEmpty()
    {
        var buffer = new byte[256];
        var e = V1.OrderEncoder.WrapAndApplyHeader(buffer, 0);
        e.OrderId = 7;
        e.Qty = 10;
        var fills = e.FillsCount(2);
        fills.Next();
        fills.Px = 100;
        fills.Next();
        fills.Px = 101;
        e.SetNote("old");
        int length = V1.OrderEncoder.HeaderLength + e.EncodedLength;

        Assert.Equal(SbeDecodeStatus.Ok, V2.OrderDecoder.TryDecode(buffer.AsSpan(0, length), 0, out V2.OrderDecoder d, out _));

        Assert.Equal(0, d.ActingVersion);
        Assert.Equal(12, d.ActingBlockLength);
        Assert.Equal(7UL, d.OrderId);
        Assert.Equal(10, d.Qty);
        Assert.Equal(V2.OrderDecoder.PriceNullValue, d.Price);
        Assert.Equal(long.MinValue, d.Price);
        Assert.Equal(V2.Side.NullValue, d.Side);
        Assert.Equal(long.MinValue, d.LimitPx.Mantissa);
        Assert.Equal(sbyte.MinValue, d.LimitPx.Exponent);
        var decodedFills = d.Fills();
        Assert.Equal(2, decodedFills.Count);
        Assert.Equal(8, decodedFills.ActingBlockLength);
        Assert.Equal(100, decodedFills.Next().Px);
        Assert.Equal(V2.OrderDecoder.FillsDecoder.VenueNullValue, decodedFills.Venue);
        Assert.Equal(101, decodedFills.Next().Px);
        Assert.Equal("old", d.GetNoteAsString());
        Assert.Equal(0, d.ExtraLength());
        Assert.True(d.GetExtra().IsEmpty);
        Assert.Equal(length - V2.OrderDecoder.HeaderLength, d.EncodedLength);
    }

    [Fact]
    public void NewDecoder_ReadingAnOldMessage_SeesANewGroupAsEmpty()
    {
        var buffer = new byte[64];
        var e = V1.BasketEncoder.WrapAndApplyHeader(buffer, 0);
        e.BasketId = 5;
        int length = V1.BasketEncoder.HeaderLength + e.EncodedLength;

        var d = V2.BasketDecoder.Decode(buffer.AsSpan(0, length), 0);

        Assert.Equal(5U, d.BasketId);
        var legs = d.Legs();
        Assert.Equal(0, legs.Count);
        Assert.False(legs.HasNext);
        Assert.Equal("Basket(basketId=5, legs=[])", d.ToString());
    }

    [Fact]
    public void OldDecoder_ReadingANewMessage_SkipsUnknownBlockBytesAndTrailingData()
    {
        var buffer = new byte[256];
        var e = V2.OrderEncoder.WrapAndApplyHeader(buffer, 0);
        e.OrderId = 8;
        e.Qty = 20;
        e.Price = 555;
        e.Side = V2.Side.Buy;
        e.LimitPx.SetMantissa(1);
        var fills = e.FillsCount(2);
        fills.Next();
        fills.Px = 200;
        fills.Venue = 9;
        fills.Next();
        fills.Px = 201;
        fills.Venue = 10;
        e.SetNote("new");
        e.SetExtra("ignored by v1");
        int length = V2.OrderEncoder.HeaderLength + e.EncodedLength;

        Assert.Equal(SbeDecodeStatus.Ok, V1.OrderDecoder.TryDecode(buffer.AsSpan(0, length), 0, out V1.OrderDecoder d, out _));

        Assert.Equal(1, d.ActingVersion);
        Assert.Equal(30, d.ActingBlockLength);
        Assert.Equal(8UL, d.OrderId);
        Assert.Equal(20, d.Qty);
        var decodedFills = d.Fills();
        Assert.Equal(10, decodedFills.ActingBlockLength);
        Assert.Equal(200, decodedFills.Next().Px);
        Assert.Equal(201, decodedFills.Next().Px);
        Assert.Equal("new", d.GetNoteAsString());
    }

    [Fact]
    public void OldDecoder_ReadingANewMessage_IgnoresANewTrailingGroup()
    {
        var buffer = new byte[64];
        var e = V2.BasketEncoder.WrapAndApplyHeader(buffer, 0);
        e.BasketId = 6;
        var legs = e.LegsCount(2);
        legs.Next();
        legs.Leg = 1;
        legs.Next();
        legs.Leg = 2;
        int length = V2.BasketEncoder.HeaderLength + e.EncodedLength;

        Assert.Equal(SbeDecodeStatus.Ok, V1.BasketDecoder.TryDecode(buffer.AsSpan(0, length), 0, out V1.BasketDecoder d, out _));
        Assert.Equal(6U, d.BasketId);

        var trusted = V2.BasketDecoder.WrapWithHeader(buffer, 0);
        var decodedLegs = trusted.Legs();
        Assert.Equal(2, decodedLegs.Count);
        Assert.Equal(1, decodedLegs.Next().Leg);
        Assert.Equal(2, decodedLegs.Next().Leg);
    }

    [Fact]
    public void NewDecoder_MessageClaimingNewVersionWithOldBlockLength_IsRejected()
    {
        var buffer = new byte[64];
        var e = V1.OrderEncoder.WrapAndApplyHeader(buffer, 0);
        e.FillsCount(0);
        e.SetNote(string.Empty);
        int length = V1.OrderEncoder.HeaderLength + e.EncodedLength;
        buffer[6] = 1;

        Assert.Equal(SbeDecodeStatus.Rejected, V2.OrderDecoder.TryDecode(buffer.AsSpan(0, length), 0, out _, out SbeError error));
        Assert.Equal(SbeErrorReason.BlockLengthTooSmall, error.Reason);
        Assert.Equal(0, error.Offset);
    }
}
