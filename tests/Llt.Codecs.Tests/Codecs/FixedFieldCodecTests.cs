using System.Buffers.Binary;
using Llt.Tests.Features;

namespace Llt.Codecs.Tests.Codecs;

public sealed class FixedFieldCodecTests
{
    private const int Body = EverythingEncoder.HeaderLength;

    [Fact]
    public void Constants_DescribeTheMessage()
    {
        Assert.Equal(138, EverythingEncoder.BlockLength);
        Assert.Equal(1, EverythingDecoder.TemplateId);
        Assert.Equal(100, EverythingDecoder.SchemaId);
        Assert.Equal(0, EverythingDecoder.SchemaVersion);
        Assert.Equal("X", EverythingDecoder.SemanticType);
        Assert.Equal(8, MessageHeaderEncoder.EncodedLength);
        Assert.Equal(100, SbeSchema.Id);
        Assert.Equal(100, SbeSchema.SchemaId);
        Assert.Equal(0, SbeSchema.SchemaVersion);
        Assert.Equal("Nested", SbeSchema.MessageName(3));
        Assert.Null(SbeSchema.MessageName(99));
    }

    [Fact]
    public void WrapAndApplyHeader_WritesTheHeaderInSchemaOrder()
    {
        var buffer = new byte[256];
        EverythingEncoder.WrapAndApplyHeader(buffer, 0);

        var header = new MessageHeaderDecoder(buffer, 0);
        Assert.Equal(138, header.BlockLength);
        Assert.Equal(1, header.TemplateId);
        Assert.Equal(100, header.SchemaId);
        Assert.Equal(0, header.Version);
        Assert.Equal(new byte[] { 138, 0, 1, 0, 100, 0, 0, 0 }, buffer[..8]);
    }

    [Fact]
    public void Primitives_AtNullValues_RoundTrip()
    {
        Span<byte> buffer = new byte[256];
        var e = EverythingEncoder.WrapAndApplyHeader(buffer, 0);
        e.C = EverythingEncoder.CNullValue;
        e.I8 = EverythingEncoder.I8NullValue;
        e.I16 = EverythingEncoder.I16NullValue;
        e.I32 = EverythingEncoder.I32NullValue;
        e.I64 = EverythingEncoder.I64NullValue;
        e.U8 = EverythingEncoder.U8NullValue;
        e.U16 = EverythingEncoder.U16NullValue;
        e.U32 = EverythingEncoder.U32NullValue;
        e.U64 = EverythingEncoder.U64NullValue;
        e.F32 = EverythingEncoder.F32NullValue;
        e.F64 = EverythingEncoder.F64NullValue;

        var d = EverythingDecoder.Decode(buffer, 0);

        Assert.Equal((byte)0, d.C);
        Assert.Equal(sbyte.MinValue, d.I8);
        Assert.Equal(short.MinValue, d.I16);
        Assert.Equal(int.MinValue, d.I32);
        Assert.Equal(long.MinValue, d.I64);
        Assert.Equal(byte.MaxValue, d.U8);
        Assert.Equal(ushort.MaxValue, d.U16);
        Assert.Equal(uint.MaxValue, d.U32);
        Assert.Equal(ulong.MaxValue, d.U64);
        Assert.True(float.IsNaN(d.F32));
        Assert.True(double.IsNaN(d.F64));
    }

    [Fact]
    public void Primitives_AtMinValues_RoundTrip()
    {
        Span<byte> buffer = new byte[256];
        var e = EverythingEncoder.WrapAndApplyHeader(buffer, 0);
        e.C = EverythingEncoder.CMinValue;
        e.I8 = EverythingEncoder.I8MinValue;
        e.I16 = EverythingEncoder.I16MinValue;
        e.I32 = EverythingEncoder.I32MinValue;
        e.I64 = EverythingEncoder.I64MinValue;
        e.U8 = EverythingEncoder.U8MinValue;
        e.U16 = EverythingEncoder.U16MinValue;
        e.U32 = EverythingEncoder.U32MinValue;
        e.U64 = EverythingEncoder.U64MinValue;
        e.F32 = EverythingEncoder.F32MinValue;
        e.F64 = EverythingEncoder.F64MinValue;

        var d = EverythingDecoder.Decode(buffer, 0);

        Assert.Equal((byte)0x20, d.C);
        Assert.Equal((sbyte)-127, d.I8);
        Assert.Equal((short)-32767, d.I16);
        Assert.Equal(int.MinValue + 1, d.I32);
        Assert.Equal(long.MinValue + 1, d.I64);
        Assert.Equal((byte)0, d.U8);
        Assert.Equal((ushort)0, d.U16);
        Assert.Equal(0U, d.U32);
        Assert.Equal(0UL, d.U64);
        Assert.Equal(-float.MaxValue, d.F32);
        Assert.Equal(-double.MaxValue, d.F64);
    }

    [Fact]
    public void Primitives_AtMaxValues_RoundTrip()
    {
        Span<byte> buffer = new byte[256];
        var e = EverythingEncoder.WrapAndApplyHeader(buffer, 0);
        e.C = EverythingEncoder.CMaxValue;
        e.I8 = EverythingEncoder.I8MaxValue;
        e.I16 = EverythingEncoder.I16MaxValue;
        e.I32 = EverythingEncoder.I32MaxValue;
        e.I64 = EverythingEncoder.I64MaxValue;
        e.U8 = EverythingEncoder.U8MaxValue;
        e.U16 = EverythingEncoder.U16MaxValue;
        e.U32 = EverythingEncoder.U32MaxValue;
        e.U64 = EverythingEncoder.U64MaxValue;
        e.F32 = EverythingEncoder.F32MaxValue;
        e.F64 = EverythingEncoder.F64MaxValue;

        var d = EverythingDecoder.Decode(buffer, 0);

        Assert.Equal((byte)0x7E, d.C);
        Assert.Equal(sbyte.MaxValue, d.I8);
        Assert.Equal(short.MaxValue, d.I16);
        Assert.Equal(int.MaxValue, d.I32);
        Assert.Equal(long.MaxValue, d.I64);
        Assert.Equal((byte)254, d.U8);
        Assert.Equal((ushort)65534, d.U16);
        Assert.Equal(uint.MaxValue - 1, d.U32);
        Assert.Equal(ulong.MaxValue - 1, d.U64);
        Assert.Equal(float.MaxValue, d.F32);
        Assert.Equal(double.MaxValue, d.F64);
    }

    [Fact]
    public void Primitives_AreLittleEndianAtTheirOffsets()
    {
        var buffer = new byte[256];
        var e = EverythingEncoder.WrapAndApplyHeader(buffer, 0);
        e.I32 = 0x01020304;
        e.U64 = 0x1122334455667788;
        e.F64 = 1.5;

        Assert.Equal(new byte[] { 4, 3, 2, 1 }, buffer[(Body + 4)..(Body + 8)]);
        Assert.Equal(0x1122334455667788UL, BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(Body + 23)));
        Assert.Equal(1.5, BinaryPrimitives.ReadDoubleLittleEndian(buffer.AsSpan(Body + 35)));
    }

    [Fact]
    public void OptionalFields_ExposeOverriddenAndDefaultNullValues()
    {
        Assert.Equal(-1, EverythingDecoder.OptCountNullValue);
        Assert.Equal(0, EverythingDecoder.OptCountMinValue);
        Assert.Equal(1000, EverythingDecoder.OptCountMaxValue);
        Assert.Equal(long.MinValue, EverythingDecoder.OptI64NullValue);

        Span<byte> buffer = new byte[256];
        var e = EverythingEncoder.WrapAndApplyHeader(buffer, 0);
        e.OptCount = EverythingEncoder.OptCountNullValue;
        e.OptI64 = 77;
        var d = EverythingDecoder.Decode(buffer, 0);

        Assert.Equal(EverythingDecoder.OptCountNullValue, d.OptCount);
        Assert.Equal(77, d.OptI64);
    }

    [Fact]
    public void FixedArrays_ReadAndWriteByIndexAndAsBytes()
    {
        var buffer = new byte[256];
        var e = EverythingEncoder.WrapAndApplyHeader(buffer, 0);
        for (int i = 0; i < EverythingEncoder.IntsLength; i++)
        {
            e.SetInts(i, (i + 1) * 1000);
        }

        var d = EverythingDecoder.Decode(buffer, 0);

        Assert.Equal(4, EverythingDecoder.IntsLength);
        Assert.Equal(new[] { 1000, 2000, 3000, 4000 }, Enumerable.Range(0, 4).Select(i => ReadInts(buffer, i)));
        Assert.Equal(3000, d.GetInts(2));
        Assert.Equal(16, d.IntsBytes.Length);
        Assert.Equal(2000, BinaryPrimitives.ReadInt32LittleEndian(d.IntsBytes[4..]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadInts(buffer, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EverythingEncoder(buffer, 8).SetInts(-1, 0));
    }

    [Fact]
    public void CharArrays_PadWithNulAndDecodeToTheFirstNul()
    {
        var buffer = new byte[256];
        var e = EverythingEncoder.WrapAndApplyHeader(buffer, 0);
        e.Symbol.Fill((byte)'?');
        e.SetSymbol("MSFT");
        e.SetLatin("café");

        var d = EverythingDecoder.Decode(buffer, 0);

        Assert.Equal("MSFT", d.SymbolAsString);
        Assert.Equal("MSFT\0\0\0\0"u8.ToArray(), d.Symbol.ToArray());
        Assert.Equal((byte)'S', d.GetSymbol(1));
        Assert.Equal("café", d.LatinAsString);
        Assert.Equal(new byte[] { (byte)'c', (byte)'a', (byte)'f', 0xE9, 0, 0 }, d.Latin.ToArray());
        Assert.Throws<ArgumentException>(() => new EverythingEncoder(buffer, 8).SetSymbol("TOOLONGSYM"));
        Assert.Throws<ArgumentException>(() => new EverythingEncoder(buffer, 8).SetSymbol("123456789"u8));

        new EverythingEncoder(buffer, 8).SetSymbol("12345678"u8);
        Assert.Equal("12345678", EverythingDecoder.Decode(buffer, 0).SymbolAsString);
    }

    [Fact]
    public void Constants_AreNotOnTheWire()
    {
        var buffer = new byte[256];
        var e = EverythingEncoder.WrapAndApplyHeader(buffer, 0);
        e.Side = Side.Sell;
        var d = EverythingDecoder.Decode(buffer, 0);

        Assert.Equal("XNAS"u8.ToArray(), d.Venue.ToArray());
        Assert.Equal("XNAS", d.VenueAsString);
        Assert.Equal((ushort)4242, d.Magic);
        Assert.Equal((byte)'1', d.Buy);
        Assert.Equal(Side.Sell, d.ConstSide);
        Assert.Equal(Side.Sell, e.ConstSide);
        Assert.Equal((byte)'2', buffer[Body + 85]);
    }

    [Fact]
    public void Enums_CharAndIntegerEncodings_RoundTripWithNullValues()
    {
        Assert.Equal((byte)'1', (byte)Side.Buy);
        Assert.Equal((byte)0, (byte)Side.NullValue);
        Assert.Equal((byte)0, (byte)Colour.NullValue);
        Assert.Equal((ushort)ushort.MaxValue, (ushort)Wide.NullValue);
        Assert.Equal(typeof(ushort), Enum.GetUnderlyingType(typeof(Wide)));

        var buffer = new byte[256];
        var e = EverythingEncoder.WrapAndApplyHeader(buffer, 0);
        e.Side = Side.Buy;
        e.Colour = Colour.Blue;
        e.Wide = Wide.Large;
        var d = EverythingDecoder.Decode(buffer, 0);

        Assert.Equal(Side.Buy, d.Side);
        Assert.Equal(Colour.Blue, d.Colour);
        Assert.Equal(Wide.Large, d.Wide);
        Assert.Equal(new byte[] { (byte)'1', 3, 0xE8, 0x03 }, buffer[(Body + 85)..(Body + 89)]);
    }

    [Fact]
    public void Sets_Of8To64Bits_SetTheChoiceBits()
    {
        var buffer = new byte[256];
        var e = EverythingEncoder.WrapAndApplyHeader(buffer, 0);
        e.Flags8 = Flags8.A | Flags8.H;
        e.Flags16 = Flags16.High;
        e.Flags32 = Flags32.High | Flags32.Low;
        e.Flags64 = Flags64.High;
        var d = EverythingDecoder.Decode(buffer, 0);

        Assert.Equal(Flags8.A | Flags8.H, d.Flags8);
        Assert.True(d.Flags8.HasFlag(Flags8.H));
        Assert.False(d.Flags8.HasFlag(Flags8.B));
        Assert.Equal(Flags16.High, d.Flags16);
        Assert.Equal(Flags32.High | Flags32.Low, d.Flags32);
        Assert.Equal(Flags64.High, d.Flags64);
        Assert.Equal(0x81, buffer[Body + 89]);
        Assert.Equal(0x8000, BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(Body + 90)));
        Assert.Equal(0x80000001U, BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(Body + 92)));
        Assert.Equal(0x8000000000000000UL, BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(Body + 96)));
    }

    [Fact]
    public void Composites_NestedRefsAndOffsets_LandAtTheirOffsets()
    {
        var buffer = new byte[256];
        var e = EverythingEncoder.WrapAndApplyHeader(buffer, 0);
        e.Price.SetMantissa(12345);
        e.Price.SetExponent(-2);
        PaddedEncoder padded = e.Padded;
        padded.A = 7;
        padded.B = -9;
        padded.Price.SetMantissa(99);
        padded.Price.SetExponent(3);
        InnerEncoder inner = padded.Inner;
        inner.X = 513;
        inner.SetSide(Side.Sell);
        padded.Mood = Mood.Sad;

        var d = EverythingDecoder.Decode(buffer, 0);

        Assert.Equal(12345, d.Price.Mantissa);
        Assert.Equal((sbyte)-2, d.Price.Exponent);
        Assert.Equal((byte)7, d.Padded.A);
        Assert.Equal(-9, d.Padded.B);
        Assert.Equal(99, d.Padded.Price.Mantissa);
        Assert.Equal((short)513, d.Padded.Inner.X);
        Assert.Equal(Side.Sell, d.Padded.Inner.Side);
        Assert.Equal(Mood.Sad, d.Padded.Mood);
        int at = Body + 113;
        Assert.Equal(-9, BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(at + 4)));
        Assert.Equal(99, BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(at + 8)));
        Assert.Equal(513, BinaryPrimitives.ReadInt16LittleEndian(buffer.AsSpan(at + 17)));
        Assert.Equal((byte)'2', buffer[at + 19]);
        Assert.Equal(2, buffer[at + 20]);
        Assert.Equal(21, PaddedDecoder.EncodedLength);
    }

    [Fact]
    public void ExplicitOffsets_PlaceFieldsAndBlockLength()
    {
        var buffer = new byte[128];
        var e = OffsetsEncoder.WrapAndApplyHeader(buffer, 0);
        e.A = 1;
        e.B = 2;
        e.C = 3;

        Assert.Equal(64, e.EncodedLength);
        Assert.Equal(64, BinaryPrimitives.ReadUInt16LittleEndian(buffer));
        Assert.Equal(2, BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(Body + 8)));
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(Body + 20)));
        var d = OffsetsDecoder.Decode(buffer, 0);
        Assert.Equal((byte)1, d.A);
        Assert.Equal(2, d.B);
        Assert.Equal(3, d.C);
        Assert.Equal(Body + 64, d.Limit);
    }

    [Fact]
    public unsafe void PointerOverloads_ReadAndWriteTheSameBytes()
    {
        var buffer = new byte[64];
        fixed (byte* p = buffer)
        {
            var e = QuoteEncoder.WrapAndApplyHeader(p, buffer.Length, 0);
            e.BidPrice = 101;
            e.AskPrice = 102;
            var d = new QuoteDecoder().Wrap(p, buffer.Length, QuoteEncoder.HeaderLength, QuoteDecoder.BlockLength, QuoteDecoder.SchemaVersion);
            Assert.Equal(101, d.BidPrice);
            Assert.Equal(102, d.AskPrice);
            Assert.Equal(37, new MessageHeaderDecoder(p, 0).BlockLength);
        }
    }

    [Fact]
    public void Encoder_Wrap_RejectsABufferShorterThanTheBlock()
    {
        var buffer = new byte[QuoteEncoder.HeaderLength + QuoteEncoder.BlockLength - 1];

        Assert.Throws<ArgumentOutOfRangeException>(() => QuoteEncoder.WrapAndApplyHeader(buffer, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuoteEncoder(new byte[QuoteEncoder.BlockLength - 1], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuoteEncoder(buffer, buffer.Length + 1));
    }

    [Fact]
    public void ToString_PrintsEveryField()
    {
        var buffer = new byte[256];
        var e = EverythingEncoder.WrapAndApplyHeader(buffer, 0);
        e.I32 = 42;
        e.SetSymbol("IBM");
        e.Side = Side.Buy;
        e.Flags8 = Flags8.B;
        e.Price.SetMantissa(5);
        e.C = (byte)'z';

        string text = EverythingDecoder.Decode(buffer, 0).ToString();

        Assert.StartsWith("Everything(c=z, ", text, StringComparison.Ordinal);
        Assert.Contains("i32=42", text, StringComparison.Ordinal);
        Assert.Contains("symbol='IBM'", text, StringComparison.Ordinal);
        Assert.Contains("venue='XNAS'", text, StringComparison.Ordinal);
        Assert.Contains("side=Buy", text, StringComparison.Ordinal);
        Assert.Contains("flags8=B", text, StringComparison.Ordinal);
        Assert.Contains("price=(mantissa=5, exponent=0)", text, StringComparison.Ordinal);
        Assert.Contains("ints=[0, 0, 0, 0]", text, StringComparison.Ordinal);
    }

    private static int ReadInts(byte[] buffer, int index) => EverythingDecoder.Decode(buffer, 0).GetInts(index);
}
