using System.Buffers.Binary;
using Llt.Codecs.Runtime;
using Llt.Sbe;

namespace Llt.Codecs.Tests.Codecs;

/// <summary>
/// schemas/llt.xml version 2 added trailing stops and auction times in force: NewOrder grew trailPrice and trailBps
/// at the end of its block. A version-1 NewOrder (journals written before) still decodes, its trail fields null.
/// </summary>
public sealed class PlatformOrderEvolutionTests
{
    private const int V1BlockLength = 64;

    [Fact]
    public void SchemaVersion2_AppendsTheTrailFieldsAfterTheVersion1Block()
    {
        Assert.Equal(2, SbeSchema.SchemaVersion);
        Assert.Equal(76, NewOrderEncoder.BlockLength);
        Assert.Equal(V1BlockLength, NewOrderDecoder.RequiredBlockLength(1));
        Assert.Equal(76, NewOrderDecoder.RequiredBlockLength(2));
        Assert.Equal((byte)'T', (byte)OrdType.TrailingStop);
        Assert.Equal((byte)'2', (byte)TimeInForce.AtTheOpening);
        Assert.Equal((byte)'7', (byte)TimeInForce.AtTheClose);
    }

    [Fact]
    public void TrailingStop_RoundTrips()
    {
        byte[] buffer = new byte[NewOrderEncoder.HeaderLength + NewOrderEncoder.BlockLength];
        var e = NewOrderEncoder.WrapAndApplyHeader(buffer, 0);
        e.SetClOrdId(42);
        e.SetInstrumentId(3);
        e.SetStrategyId(1);
        e.SetVenueId(2);
        e.SetSide(Side.Sell);
        e.SetOrdType(OrdType.TrailingStop);
        e.SetTimeInForce(TimeInForce.AtTheClose);
        e.SetExecInst(ExecInst.None);
        e.SetPrice(NewOrderEncoder.PriceNullValue);
        e.SetStopPrice(NewOrderEncoder.StopPriceNullValue);
        e.SetQty(100);
        e.SetReceiveTs(5);
        e.SetDecisionTs(6);
        e.SetTrailPrice(NewOrderEncoder.TrailPriceNullValue);
        e.SetTrailBps(150);

        Assert.Equal(SbeDecodeStatus.Ok, NewOrderDecoder.TryDecode(buffer, 0, out NewOrderDecoder d, out _));
        Assert.Equal(2, d.ActingVersion);
        Assert.Equal((OrdType.TrailingStop, TimeInForce.AtTheClose, 150), (d.OrdType, d.TimeInForce, d.TrailBps));
        Assert.Equal(NewOrderDecoder.TrailPriceNullValue, d.TrailPrice);
        Assert.Equal((100L, 6UL), (d.Qty, d.DecisionTs));
    }

    [Fact]
    public void Version1NewOrder_DecodesWithTheTrailFieldsNull()
    {
        // a version-1 sender's message: 64-byte block, header version 1
        byte[] buffer = new byte[NewOrderEncoder.HeaderLength + V1BlockLength];
        byte[] full = new byte[NewOrderEncoder.HeaderLength + NewOrderEncoder.BlockLength];
        var e = NewOrderEncoder.WrapAndApplyHeader(full, 0);
        e.SetClOrdId(7);
        e.SetOrdType(OrdType.StopLimit);
        e.SetSide(Side.Buy);
        e.SetTimeInForce(TimeInForce.Day);
        e.SetPrice(101);
        e.SetStopPrice(100);
        e.SetQty(10);
        e.SetTrailPrice(999); // beyond the v1 block: not sent
        e.SetTrailBps(999);
        // the first 8 + 64 bytes are exactly what a version-1 encoder wrote, header aside
        full.AsSpan(0, buffer.Length).CopyTo(buffer);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(0), V1BlockLength);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(6), 1);

        Assert.Equal(SbeDecodeStatus.Ok, NewOrderDecoder.TryDecode(buffer, 0, out NewOrderDecoder d, out _));
        Assert.Equal((1, V1BlockLength), (d.ActingVersion, d.ActingBlockLength));
        Assert.Equal((7UL, OrdType.StopLimit, 101L, 100L, 10L), (d.ClOrdId, d.OrdType, d.Price, d.StopPrice, d.Qty));
        Assert.Equal(NewOrderDecoder.TrailPriceNullValue, d.TrailPrice);
        Assert.Equal(NewOrderDecoder.TrailBpsNullValue, d.TrailBps);
    }

    [Fact]
    public void Version2Message_ShorterThanItsBlock_IsRejected()
    {
        byte[] buffer = new byte[NewOrderEncoder.HeaderLength + NewOrderEncoder.BlockLength];
        NewOrderEncoder.WrapAndApplyHeader(buffer, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(0), V1BlockLength); // claims v2, carries a v1 block
        Assert.NotEqual(SbeDecodeStatus.Ok, NewOrderDecoder.TryDecode(buffer, 0, out _, out _));
    }
}
