using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Llt.Codecs.Otf;
using Llt.Codecs.Schema;

namespace Llt.Codecs.Tests.Otf;

public sealed class OtfRoundTripTests
{
    [Fact]
    public void Encode_ThenDecode_GivesTheCanonicalJsonBack()
    {
        byte[] bytes = new OtfEncoder(OtfTestSchemas.V2).Encode(OtfTestSchemas.OrderV2Json);

        string json = new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out int length);

        Assert.Equal(OtfTestSchemas.OrderV2Json, json);
        Assert.Equal(bytes.Length, length);
    }

    [Fact]
    public void Encode_BigEndianSchema_RoundTripsAndSwapsEveryMultiByteValue()
    {
        byte[] little = new OtfEncoder(OtfTestSchemas.V2).Encode(OtfTestSchemas.OrderV2Json);
        byte[] big = new OtfEncoder(OtfTestSchemas.V2BigEndian).Encode(OtfTestSchemas.OrderV2Json);

        string json = new OtfDecoder(OtfTestSchemas.V2BigEndian).Decode(big, 0, out int length);

        Assert.Equal(OtfTestSchemas.OrderV2Json, json);
        Assert.Equal(big.Length, length);
        Assert.Equal(little.Length, big.Length);
        Assert.Equal(68, BinaryPrimitives.ReadUInt16BigEndian(big));
        Assert.Equal(7, BinaryPrimitives.ReadUInt16BigEndian(big.AsSpan(4)));
        Assert.Equal(ulong.MaxValue - 1, BinaryPrimitives.ReadUInt64BigEndian(big.AsSpan(8)));
        Assert.Equal(-12345678L, BinaryPrimitives.ReadInt64BigEndian(big.AsSpan(16)));
        Assert.Equal(-12345678L, BinaryPrimitives.ReadInt64LittleEndian(little.AsSpan(16)));
        Assert.NotEqual(little, big);
    }

    [Fact]
    public void Encode_PlacesFieldsAtTheirSchemaOffsets()
    {
        byte[] bytes = new OtfEncoder(OtfTestSchemas.V2).Encode(OtfTestSchemas.OrderV2Json);
        ReadOnlySpan<byte> block = bytes.AsSpan(8);

        Assert.Equal(new byte[] { 68, 0, 1, 0, 7, 0, 2, 0 }, bytes.AsSpan(0, 8).ToArray());
        Assert.Equal(ulong.MaxValue - 1, BinaryPrimitives.ReadUInt64LittleEndian(block));
        Assert.Equal((byte)'S', block[16]);
        Assert.Equal(1, block[17]);
        Assert.Equal((1 << 0) | (1 << 15), BinaryPrimitives.ReadUInt16LittleEndian(block.Slice(18)));
        Assert.Equal("MSFT\0\0\0\0", Encoding.ASCII.GetString(block.Slice(20, 8)));
        Assert.Equal(int.MinValue, BinaryPrimitives.ReadInt32LittleEndian(block.Slice(28)));
        Assert.Equal(0.1f, BinaryPrimitives.ReadSingleLittleEndian(block.Slice(32)));
        Assert.True(double.IsNaN(BinaryPrimitives.ReadDoubleLittleEndian(block.Slice(36))));
        Assert.Equal(unchecked((byte)-128), block[44]);
        Assert.Equal(32767, BinaryPrimitives.ReadInt16LittleEndian(block.Slice(49)));
        Assert.Equal(640, BinaryPrimitives.ReadUInt16LittleEndian(block.Slice(51)));
        Assert.Equal((byte)'Q', block[59]);
        Assert.Equal(-99L, BinaryPrimitives.ReadInt64LittleEndian(block.Slice(60)));
        // legs dimension right after the 68-byte block: blockLength 9, numInGroup 2.
        Assert.Equal(9, BinaryPrimitives.ReadUInt16LittleEndian(block.Slice(68)));
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(block.Slice(70)));
        // blob is the last-but-one member: uint32 length 4, then 00 01 02 FF; tail: uint8 length 3, "end".
        Assert.Equal(new byte[] { 4, 0, 0, 0, 0, 1, 2, 0xFF, 3, (byte)'e', (byte)'n', (byte)'d' }, bytes.AsSpan(bytes.Length - 12).ToArray());
    }

    [Fact]
    public void Decode_HandBuiltBytes_OfBothByteOrders()
    {
        byte[] little = { 8, 0, 2, 0, 7, 0, 2, 0, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
        byte[] big = { 0, 8, 0, 2, 0, 7, 0, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE };
        const string Expected = "{\"$header\":{\"message\":\"Ping\",\"templateId\":2,\"schemaId\":7,\"version\":2,\"blockLength\":8},\"seq\":18446744073709551614}";

        Assert.Equal(Expected, new OtfDecoder(OtfTestSchemas.V2).Decode(little, 0, out _));
        Assert.Equal(Expected, new OtfDecoder(OtfTestSchemas.V2BigEndian).Decode(big, 0, out _));
        Assert.Equal(big, new OtfEncoder(OtfTestSchemas.V2BigEndian).Encode("{\"seq\":18446744073709551614}", "Ping"));
    }

    [Fact]
    public void DecodeAll_SplitsAStreamOfConsecutiveMessages()
    {
        var encoder = new OtfEncoder(OtfTestSchemas.V2);
        byte[] order = encoder.Encode(OtfTestSchemas.OrderV2Json);
        byte[] ping = encoder.Encode("{\"seq\":5}", "Ping");
        byte[] stream = ping.Concat(order).Concat(ping).Concat(order).ToArray();

        IReadOnlyList<string> messages = new OtfDecoder(OtfTestSchemas.V2).DecodeAll(stream);

        Assert.Equal(4, messages.Count);
        Assert.Equal(OtfTestSchemas.OrderV2Json, messages[1]);
        Assert.Equal(OtfTestSchemas.OrderV2Json, messages[3]);
        Assert.Contains("\"seq\":5", messages[0], StringComparison.Ordinal);
        Assert.Equal(messages[0], messages[2]);
    }

    [Fact]
    public void Decode_WritesToTheCallersWriter_AndReturnsTheMessageLength()
    {
        byte[] bytes = new OtfEncoder(OtfTestSchemas.V2).Encode("{\"seq\":1}", "Ping");
        byte[] padded = new byte[bytes.Length + 3];
        bytes.CopyTo(padded, 3);
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            int length = new OtfDecoder(OtfTestSchemas.V2).Decode(padded, 3, writer);
            Assert.Equal(16, length);
        }

        Assert.EndsWith("\"seq\":1}", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UnknownEnumValueAndSetBits_AreNumbers_AndReEncodeToTheSameBytes()
    {
        byte[] bytes = new OtfEncoder(OtfTestSchemas.V2).Encode(OtfTestSchemas.OrderV2Json);
        bytes[8 + 16] = (byte)'X';
        bytes[8 + 17] = 9;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8 + 18), 0b0000_0000_0010_1001);

        string json = new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out _);

        Assert.Contains("\"side\":88,\"color\":9,\"flags\":[\"Urgent\",\"Hidden\",5]", json, StringComparison.Ordinal);
        Assert.Equal(bytes, new OtfEncoder(OtfTestSchemas.V2).Encode(json));
    }

    [Fact]
    public void Decode_OptionalNulls_AndNonFiniteFloats()
    {
        byte[] bytes = new OtfEncoder(OtfTestSchemas.V2).Encode(OtfTestSchemas.OrderV2Json);
        bytes[8 + 17] = 255;
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(8 + 32), float.NegativeInfinity);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8 + 36), 2.5);
        bytes[8 + 59] = 0;

        string json = new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out _);

        Assert.Contains("\"color\":null,", json, StringComparison.Ordinal);
        Assert.Contains("\"ratio\":\"-Infinity\",\"weight\":2.5,", json, StringComparison.Ordinal);
        Assert.Contains("\"initial\":null,", json, StringComparison.Ordinal);
        Assert.Equal(bytes, new OtfEncoder(OtfTestSchemas.V2).Encode(json));
    }

    [Fact]
    public void Decode_RequiredFloatNaN_IsTheStringNaN()
    {
        byte[] bytes = new OtfEncoder(OtfTestSchemas.V2).Encode(OtfTestSchemas.OrderV2Json);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(8 + 32), float.NaN);

        string json = new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out _);

        Assert.Contains("\"ratio\":\"NaN\",", json, StringComparison.Ordinal);
        Assert.Equal(bytes, new OtfEncoder(OtfTestSchemas.V2).Encode(json));
    }

    [Fact]
    public void Decode_CharArray_TrimsTrailingNulsOnly()
    {
        byte[] bytes = new OtfEncoder(OtfTestSchemas.V2).Encode(OtfTestSchemas.OrderV2Json);
        Encoding.ASCII.GetBytes("A\0B\0\0\0\0\0").CopyTo(bytes, 8 + 20);

        string json = new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out _);

        Assert.Contains("\"symbol\":\"A\\u0000B\",", json, StringComparison.Ordinal);
        Assert.Equal(bytes, new OtfEncoder(OtfTestSchemas.V2).Encode(json));
    }

    [Fact]
    public void Decode_ConstantCharArrayAndConstantEnum_AreIncludedWithTheirValues()
    {
        byte[] bytes = new OtfEncoder(OtfTestSchemas.V2).Encode(OtfTestSchemas.OrderV2Json);

        using JsonDocument document = JsonDocument.Parse(new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out _));

        Assert.Equal("XNAS", document.RootElement.GetProperty("venue").GetString());
        Assert.Equal("Blue", document.RootElement.GetProperty("kind").GetString());
        Assert.Equal(-4, document.RootElement.GetProperty("price").GetProperty("exponent").GetInt32());
    }

    [Fact]
    public void Encode_MissingOptionalMembers_WriteNullValues_AndHeaderIsOptional()
    {
        const string Json = "{\"orderId\":1,\"price\":{\"mantissa\":2},\"side\":\"Buy\",\"flags\":[],\"symbol\":\"\","
            + "\"ratio\":1.5,\"tiny\":0,\"triple\":[0,0,0],\"box\":{\"width\":1,\"Corner\":{\"x\":0,\"Shade\":\"Light\"}},"
            + "\"added\":0,\"legs\":[],\"text\":\"\",\"blob\":\"\",\"tail\":\"\"}";

        byte[] bytes = new OtfEncoder(OtfTestSchemas.V2).Encode(Json, "Order");
        string decoded = new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out _);

        Assert.Contains("\"color\":null,", decoded, StringComparison.Ordinal);
        Assert.Contains("\"qty\":null,", decoded, StringComparison.Ordinal);
        Assert.Contains("\"weight\":null,", decoded, StringComparison.Ordinal);
        Assert.Contains("\"depth\":null,", decoded, StringComparison.Ordinal);
        Assert.Contains("\"initial\":null,", decoded, StringComparison.Ordinal);
        Assert.Equal(255, bytes[8 + 17]);
    }

    [Fact]
    public void Encode_ChoosesTheMessageByTemplateIdWhenNoNameIsGiven()
    {
        byte[] bytes = new OtfEncoder(OtfTestSchemas.V2).Encode("{\"$header\":{\"templateId\":2},\"seq\":3}");

        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2)));
    }

    [Fact]
    public void Encode_IntoABufferWriter_AppendsOnlyWholeMessages()
    {
        var encoder = new OtfEncoder(OtfTestSchemas.V2);
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        using JsonDocument good = JsonDocument.Parse("{\"seq\":3}");
        using JsonDocument bad = JsonDocument.Parse("{\"seq\":-3}");

        int length = encoder.Encode(good.RootElement, "Ping", output);
        Assert.Throws<OtfEncodeException>(() => encoder.Encode(bad.RootElement, "Ping", output));

        Assert.Equal(16, length);
        Assert.Equal(16, output.WrittenCount);
    }

    [Fact]
    public void RandomMessages_RoundTripThroughJson()
    {
        var decoder = new OtfDecoder(OtfTestSchemas.V2);
        var encoder = new OtfEncoder(OtfTestSchemas.V2);
        byte[] template = encoder.Encode(OtfTestSchemas.OrderV2Json);
        var random = new Random(1234);
        for (int i = 0; i < 500; i++)
        {
            // Randomise the whole fixed block: every bit pattern of every field must survive JSON and back.
            byte[] bytes = (byte[])template.Clone();
            random.NextBytes(bytes.AsSpan(8, 68));
            string json = decoder.Decode(bytes, 0, out int length);
            byte[] again = encoder.Encode(json);
            string jsonAgain = decoder.Decode(again, 0, out _);
            Assert.Equal(json, jsonAgain);
            Assert.Equal(length, again.Length);
        }
    }
}
