using System.Buffers.Binary;
using System.Text;
using Llt.Tests.Features;

namespace Llt.Codecs.Tests.Codecs;

public sealed class GroupAndVarDataCodecTests
{
    [Fact]
    public void NestedGroups_ThreeDeepWithVarData_RoundTrip()
    {
        var buffer = new byte[1024];
        int length = NestedMessageWriter.Write(buffer);
        var d = NestedDecoder.Decode(buffer.AsSpan(0, length), 0);

        Assert.Equal(0xABCDEFUL, d.Id);
        var outer = d.Outer();
        Assert.Equal(2, outer.Count);
        for (int o = 0; o < 2; o++)
        {
            outer.Next();
            Assert.Equal(100 + o, outer.X);
            var middle = outer.Middle();
            Assert.Equal(2, middle.Count);
            for (int m = 0; m < 2; m++)
            {
                middle.Next();
                Assert.Equal((short)((10 * o) + m), middle.Y);
                var inner = middle.Inner();
                Assert.Equal(o + m + 1, inner.Count);
                for (int i = 0; i < o + m + 1; i++)
                {
                    inner.Next();
                    Assert.Equal((1000L * o) + (100 * m) + i, inner.Z);
                    Assert.Equal("n" + o + m + i, inner.GetInnerNoteAsString());
                }

                Assert.False(inner.HasNext);
                Assert.Equal(new byte[] { (byte)o, (byte)m }, middle.GetMiddleNote().ToArray());
            }

            Assert.Equal(o == 0 ? "héllo" : "wörld", outer.GetOuterNoteAsString());
        }

        Assert.Equal(0, d.Empty().Count);
        Assert.Equal(new byte[] { 1, 2, 3 }, d.GetTag8().ToArray());
        Assert.Equal("sixteen", d.GetTag16AsString());
        Assert.Equal("thirty-two ✓", d.GetTag32AsString());
        Assert.Equal(length - NestedDecoder.HeaderLength, d.EncodedLength);
    }

    [Fact]
    public void GroupDimensions_UseTheirOwnEncodings()
    {
        var buffer = new byte[1024];
        NestedMessageWriter.Write(buffer);
        int outerDimension = NestedDecoder.HeaderLength + NestedDecoder.BlockLength;

        // smallGroupSize: uint8 blockLength, uint8 numInGroup.
        Assert.Equal(4, buffer[outerDimension]);
        Assert.Equal(2, buffer[outerDimension + 1]);

        // The first middle dimension (groupSizeEncoding, uint16 + uint16) follows the first outer entry's block.
        int middleDimension = outerDimension + 2 + 4;
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(middleDimension)));
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(middleDimension + 2)));

        // wideGroupSize: uint16 blockLength, uint32 numInGroup.
        int innerDimension = middleDimension + 4 + 2;
        Assert.Equal(8, BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(innerDimension)));
        Assert.Equal(1U, BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(innerDimension + 2)));
        Assert.Equal(6, WideGroupSizeEncoder.EncodedLength);
    }

    [Fact]
    public void VarData_LengthPrefixesAre8And16And32Bits()
    {
        var buffer = new byte[256];
        var e = NestedEncoder.WrapAndApplyHeader(buffer, 0);
        e.OuterCount(0);
        e.EmptyCount(0);
        int tag8 = e.Limit;
        e.SetTag8("ab"u8);
        int tag16 = e.Limit;
        e.SetTag16("cde");
        int tag32 = e.Limit;
        e.SetTag32("fghi");

        Assert.Equal(tag8 + 1 + 2, tag16);
        Assert.Equal(tag16 + 2 + 3, tag32);
        Assert.Equal(tag32 + 4 + 4, e.Limit);
        Assert.Equal(2, buffer[tag8]);
        Assert.Equal(3, BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(tag16)));
        Assert.Equal(4U, BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(tag32)));
        Assert.Equal("fghi", Encoding.ASCII.GetString(buffer, tag32 + 4, 4));
        Assert.Equal(254, NestedEncoder.Tag8MaxLength);
        Assert.Equal(1073741824, NestedEncoder.Tag32MaxLength);
    }

    [Fact]
    public void VarData_LongerThanThePrefixAllows_Throws()
    {
        var buffer = new byte[1024];

        Assert.Throws<ArgumentException>(() =>
        {
            var e = NestedEncoder.WrapAndApplyHeader(buffer, 0);
            e.OuterCount(0);
            e.EmptyCount(0);
            e.SetTag8(new byte[255]);
        });
    }

    [Fact]
    public void GroupEncoder_CountBeyondTheDimensionMax_Throws()
    {
        var buffer = new byte[1024];

        Assert.Throws<ArgumentOutOfRangeException>(() => NestedEncoder.WrapAndApplyHeader(buffer, 0).OuterCount(255));
        Assert.Throws<ArgumentOutOfRangeException>(() => NestedEncoder.WrapAndApplyHeader(buffer, 0).OuterCount(-1));
    }

    [Fact]
    public void GroupEncoder_NextPastCount_Throws()
    {
        var buffer = new byte[1024];

        Assert.Throws<InvalidOperationException>(() =>
        {
            var e = NestedEncoder.WrapAndApplyHeader(buffer, 0);
            var outer = e.OuterCount(1);
            outer.Next();
            outer.Next();
        });
    }

    [Fact]
    public void Encoder_PastTheEndOfTheBuffer_Throws()
    {
        var buffer = new byte[NestedEncoder.HeaderLength + NestedEncoder.BlockLength + 3];

        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var e = NestedEncoder.WrapAndApplyHeader(buffer, 0);
            e.OuterCount(0);
            e.EmptyCount(0);
            e.SetTag8("xyz"u8);
        });
    }

    [Fact]
    public void ToString_PrintsGroupsAndVarDataWithoutMovingTheDecoder()
    {
        var buffer = new byte[1024];
        NestedMessageWriter.Write(buffer);
        var d = NestedDecoder.Decode(buffer, 0);

        string text = d.ToString();

        Assert.StartsWith("Nested(id=11259375, outer=[(x=100, middle=[(y=0, inner=[(z=0, innerNote='n000')], middleNote=2 bytes)", text, StringComparison.Ordinal);
        Assert.Contains("outerNote='héllo'", text, StringComparison.Ordinal);
        Assert.EndsWith("empty=[], tag8=3 bytes, tag16='sixteen', tag32='thirty-two ✓')", text, StringComparison.Ordinal);
        Assert.Equal(text, d.ToString());
        Assert.Equal(NestedDecoder.BlockLength, d.EncodedLength);
    }
}
