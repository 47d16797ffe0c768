using System.Buffers.Binary;
using System.Text.Json;
using CsCheck;
using Llt.Codecs.Otf;

namespace Llt.Codecs.Tests.Otf;

public sealed class OtfMalformedInputTests
{
    // Offsets in the canonical Order (v2, little-endian): header 8 bytes, block 68, then the legs dimension.
    private const int LegsDimension = 8 + 68;

    private static readonly byte[] Order = new OtfEncoder(OtfTestSchemas.V2).Encode(OtfTestSchemas.OrderV2Json);

    [Fact]
    public void Decode_EveryTruncation_ThrowsOtfDecodeException_AndWritesNothing()
    {
        var decoder = new OtfDecoder(OtfTestSchemas.V2);
        for (int length = 0; length < Order.Length; length++)
        {
            using var output = new MemoryStream();
            using var writer = new Utf8JsonWriter(output);
            byte[] truncated = Order.AsSpan(0, length).ToArray();

            OtfDecodeException e = Assert.Throws<OtfDecodeException>(() => decoder.Decode(truncated, 0, writer));

            writer.Flush();
            Assert.Equal(0, output.Length);
            Assert.InRange(e.Offset, 0, length);
            // Either a read that would pass the end, or a group count that cannot fit in what remains.
            Assert.Contains(" remain", e.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Decode_EveryTruncation_OfABigEndianMessage_Throws()
    {
        byte[] order = new OtfEncoder(OtfTestSchemas.V2BigEndian).Encode(OtfTestSchemas.OrderV2Json);
        var decoder = new OtfDecoder(OtfTestSchemas.V2BigEndian);
        for (int length = 0; length < order.Length; length++)
        {
            byte[] truncated = order.AsSpan(0, length).ToArray();
            Assert.Throws<OtfDecodeException>(() => decoder.Decode(truncated, 0, out _));
        }
    }

    [Fact]
    public void Decode_TruncatedHeader_ReportsOffsetZero()
    {
        OtfDecodeException e = Assert.Throws<OtfDecodeException>(() => new OtfDecoder(OtfTestSchemas.V2).Decode(Order.AsSpan(0, 5), 0, out _));

        Assert.Equal(0, e.Offset);
        Assert.Equal("truncated: message header needs 8 bytes, 5 remain", e.Reason);
        Assert.Equal("error at offset 0: truncated: message header needs 8 bytes, 5 remain", e.Message);
    }

    [Fact]
    public void Decode_SecondMessageTruncated_ReportsTheAbsoluteOffset()
    {
        byte[] stream = Order.Concat(Order.AsSpan(0, 20).ToArray()).ToArray();

        OtfDecodeException e = Assert.Throws<OtfDecodeException>(() => new OtfDecoder(OtfTestSchemas.V2).DecodeAll(stream));

        Assert.Equal(Order.Length + 8, e.Offset);
        Assert.Contains("message 'Order' block needs 68 bytes, 12 remain", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UnknownTemplateId()
    {
        byte[] bytes = Patch16(Order, 2, 99);

        OtfDecodeException e = Assert.Throws<OtfDecodeException>(() => new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out _));

        Assert.Equal(0, e.Offset);
        Assert.Equal("unknown templateId 99 in schema 'otf.test'", e.Reason);
    }

    [Fact]
    public void Decode_WrongSchemaId()
    {
        byte[] bytes = Patch16(Order, 4, 8);

        OtfDecodeException e = Assert.Throws<OtfDecodeException>(() => new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out _));

        Assert.Equal("schemaId 8 does not match schema 'otf.test' id 7", e.Reason);
    }

    [Fact]
    public void Decode_MessageBlockLengthSmallerThanTheActingVersionNeeds()
    {
        byte[] bytes = Patch16(Order, 0, 67);

        OtfDecodeException e = Assert.Throws<OtfDecodeException>(() => new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out _));

        Assert.Equal(0, e.Offset);
        Assert.Equal("message 'Order' blockLength 67 is less than the 68 bytes its fields need at version 2", e.Reason);
    }

    [Fact]
    public void Decode_GroupBlockLengthSmallerThanItsFields()
    {
        byte[] bytes = Patch16(Order, LegsDimension, 8);

        OtfDecodeException e = Assert.Throws<OtfDecodeException>(() => new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out _));

        Assert.Equal(LegsDimension, e.Offset);
        Assert.Equal("group 'legs' blockLength 8 is less than the 9 bytes its fields need at version 2", e.Reason);
    }

    [Fact]
    public void Decode_AbsurdGroupCount_IsRejectedBeforeWalkingEntries()
    {
        byte[] bytes = Patch16(Order, LegsDimension + 2, 60000);

        OtfDecodeException e = Assert.Throws<OtfDecodeException>(() => new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out _));

        Assert.Equal(LegsDimension, e.Offset);
        Assert.StartsWith("group 'legs' numInGroup 60000 needs at least 780000 bytes, only ", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_GroupCountAboveTheDimensionsMaxValue()
    {
        int fillsDimension = LegsDimension + 4 + 9;
        byte[] bytes = (byte[])Order.Clone();
        bytes[fillsDimension + 1] = 21;

        OtfDecodeException e = Assert.Throws<OtfDecodeException>(() => new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out _));

        Assert.Equal(fillsDimension, e.Offset);
        Assert.Equal("group 'fills' numInGroup 21 exceeds its maximum 20", e.Reason);
    }

    [Fact]
    public void Decode_VarDataLengthPastTheEnd()
    {
        // blob is "uint32 length, 4 bytes" followed by tail "uint8 length, 3 bytes": make blob claim 100 bytes.
        int blobLength = Order.Length - 12;
        byte[] bytes = (byte[])Order.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(blobLength), 100);

        OtfDecodeException e = Assert.Throws<OtfDecodeException>(() => new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out _));

        Assert.Equal(blobLength, e.Offset);
        Assert.Equal("truncated: var data 'blob' length 100 runs past the end of the buffer (8 bytes remain)", e.Reason);
    }

    [Fact]
    public void Decode_VarDataLengthAboveItsMaxValue()
    {
        byte[] order = new OtfEncoder(OtfTestSchemas.V1).Encode(OtfTestSchemas.OrderV1Json);
        // In v1 "text" (uint16 length, max 100) follows the legs; find it by its known contents.
        int text = order.AsSpan().IndexOf("hello"u8) - 2;
        BinaryPrimitives.WriteUInt16LittleEndian(order.AsSpan(text), 101);

        OtfDecodeException e = Assert.Throws<OtfDecodeException>(() => new OtfDecoder(OtfTestSchemas.V1).Decode(order, 0, out _));

        Assert.Equal(text, e.Offset);
        Assert.Equal("var data 'text' length 101 exceeds its maximum 100", e.Reason);
    }

    [Fact]
    public void Decode_HugeBlockLength_IsTruncationNotOverflow()
    {
        byte[] bytes = Patch16(Order, 0, 65535);

        OtfDecodeException e = Assert.Throws<OtfDecodeException>(() => new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out _));

        Assert.Equal(8, e.Offset);
        Assert.StartsWith("truncated: message 'Order' block needs 65535 bytes", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OffsetOutsideTheBuffer_IsAnArgumentError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OtfDecoder(OtfTestSchemas.V2).Decode(Order, Order.Length + 1, out _));
    }

    [Fact]
    public void Decode_RandomCorruption_OnlyEverThrowsOtfDecodeException()
    {
        Gen.Select(Gen.Int[0, Order.Length - 1], Gen.Byte, Gen.Int[0, Order.Length])
            .Array[1, 6]
            .Sample(edits =>
            {
                // CsCheck samples on several threads; a decoder reuses one scratch writer, so one per sample.
                var decoder = new OtfDecoder(OtfTestSchemas.V2);
                byte[] bytes = (byte[])Order.Clone();
                int length = bytes.Length;
                foreach ((int index, byte value, int cut) in edits)
                {
                    bytes[index] = value;
                    length = Math.Min(length, cut);
                }

                try
                {
                    string json = decoder.Decode(bytes.AsSpan(0, length), 0, out int consumed);
                    Assert.InRange(consumed, 8, length);
                    using JsonDocument parsed = JsonDocument.Parse(json);
                }
                catch (OtfDecodeException e)
                {
                    Assert.InRange(e.Offset, 0, length);
                }
            }, iter: 5000);
    }

    private static byte[] Patch16(byte[] source, int offset, ushort value)
    {
        byte[] bytes = (byte[])source.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), value);
        return bytes;
    }
}
