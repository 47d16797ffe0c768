using Llt.Tests.Bigendian;

namespace Llt.Codecs.Tests.Codecs;

public sealed class BigEndianCodecTests
{
    /// <summary>The Tick message below, byte by byte, worked out by hand from the schema and SBE 1.0 (big-endian).</summary>
    private static readonly byte[] Expected =
    {
        0x00, 0x28, // header blockLength = 2+4+8+4+8+8+2+4 = 40
        0x00, 0x01, // templateId 1
        0x00, 0xC8, // schemaId 200
        0x00, 0x00, // version 0
        0x01, 0x02, // a: int16 0x0102
        0x03, 0x04, 0x05, 0x06, // b: uint32 0x03040506
        0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, // c: int64
        0x3F, 0x80, 0x00, 0x00, // f: float 1.0
        0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // d: double -2.0
        0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, // u: uint64
        0x01, 0x02, // dir: uint16 enum Up = 258
        0x80, 0x00, 0x00, 0x01, // bits: Last (bit 31) | First (bit 0)
        0x00, 0x04, 0x00, 0x01, // levels dimension: blockLength 4, numInGroup 1
        0x7F, 0x00, 0x00, 0x01, // px: int32
        0x00, 0x02, (byte)'h', (byte)'i', // note: uint16 length 2, "hi"
    };

    [Fact]
    public void Encode_WritesBigEndianBytes()
    {
        var buffer = new byte[Expected.Length];
        var e = TickEncoder.WrapAndApplyHeader(buffer, 0);
        e.A = 0x0102;
        e.B = 0x03040506;
        e.C = 0x0708090A0B0C0D0E;
        e.F = 1.0f;
        e.D = -2.0;
        e.U = 0x1122334455667788;
        e.Dir = Dir.Up;
        e.Bits = Bits.First | Bits.Last;
        var levels = e.LevelsCount(1);
        levels.Next();
        levels.Px = 0x7F000001;
        e.SetNote("hi");

        Assert.Equal(Expected, buffer);
        Assert.Equal(Expected.Length - TickEncoder.HeaderLength, e.EncodedLength);
    }

    [Fact]
    public void Decode_ReadsBigEndianBytes()
    {
        Assert.Equal(Llt.Codecs.Runtime.SbeDecodeStatus.Ok, TickDecoder.TryDecode(Expected, 0, out TickDecoder d, out _));

        Assert.Equal(0x0102, d.A);
        Assert.Equal(0x03040506U, d.B);
        Assert.Equal(0x0708090A0B0C0D0E, d.C);
        Assert.Equal(1.0f, d.F);
        Assert.Equal(-2.0, d.D);
        Assert.Equal(0x1122334455667788UL, d.U);
        Assert.Equal(Dir.Up, d.Dir);
        Assert.Equal(Bits.First | Bits.Last, d.Bits);
        var levels = d.Levels();
        Assert.Equal(1, levels.Count);
        Assert.Equal(0x7F000001, levels.Next().Px);
        Assert.Equal("hi", d.GetNoteAsString());
        Assert.True(SbeSchema.IsBigEndian);
    }
}
