using System.Text.Json.Nodes;
using Llt.Codecs.Otf;

namespace Llt.Codecs.Tests.Otf;

public sealed class OtfEncoderErrorTests
{
    [Theory]
    [InlineData("bogus", "1", "$.bogus", "unknown field 'bogus' in message 'Order'")]
    [InlineData("orderId", "\"7\"", "$.orderId", "expected an integer (uint64), got \"7\"")]
    [InlineData("orderId", "-1", "$.orderId", "-1 is out of range for uint64 (0..18446744073709551615)")]
    [InlineData("orderId", "18446744073709551616", "$.orderId", "18446744073709551616 is out of range for uint64 (0..18446744073709551615)")]
    [InlineData("orderId", "1.5", "$.orderId", "expected an integer (uint64), got 1.5")]
    [InlineData("tiny", "-129", "$.tiny", "-129 is out of range for int8 (-128..127)")]
    [InlineData("tiny", "128", "$.tiny", "128 is out of range for int8 (-128..127)")]
    [InlineData("tiny", "null", "$.tiny", "null is not allowed: the field is required")]
    [InlineData("qty", "2147483648", "$.qty", "2147483648 is out of range for int32 (-2147483648..2147483647)")]
    [InlineData("ratio", "1e39", "$.ratio", "1e39 is out of range for float")]
    [InlineData("ratio", "\"Inf\"", "$.ratio", "expected a number (or \"NaN\", \"Infinity\", \"-Infinity\"), got \"Inf\"")]
    [InlineData("side", "\"Hold\"", "$.side", "unknown value 'Hold' of enum 'Side' (valid: Buy, Sell)")]
    [InlineData("side", "true", "$.side", "expected a value name of enum 'Side', got true")]
    [InlineData("color", "256", "$.color", "256 is out of range for uint8 (0..255)")]
    [InlineData("flags", "[\"Urgent\",\"Loud\"]", "$.flags[1]", "unknown choice 'Loud' of set 'Flags'")]
    [InlineData("flags", "[16]", "$.flags[0]", "expected a choice name or a bit index 0..15, got 16")]
    [InlineData("flags", "\"Urgent\"", "$.flags", "expected an array of choice names of set 'Flags', got \"Urgent\"")]
    [InlineData("symbol", "\"ABCDEFGHI\"", "$.symbol", "string of 9 bytes is too long for char[8]")]
    [InlineData("symbol", "\"Ω\"", "$.symbol", "character U+03A9 cannot be encoded in US-ASCII")]
    [InlineData("initial", "\"QQ\"", "$.initial", "string of 2 bytes is too long for char[1]")]
    [InlineData("triple", "[1,2]", "$.triple", "expected 3 elements, got 2")]
    [InlineData("triple", "[1,2,40000]", "$.triple[2]", "40000 is out of range for int16 (-32768..32767)")]
    [InlineData("price", "{\"mantissa\":1,\"scale\":2}", "$.price.scale", "unknown member 'scale' of composite 'Decimal'")]
    [InlineData("price", "{\"mantissa\":1,\"exponent\":-3}", "$.price.exponent", "constant is always -4, got -3")]
    [InlineData("price", "{}", "$.price.mantissa", "missing required member 'mantissa'")]
    [InlineData("price", "null", "$.price", "expected an object, got null")]
    [InlineData("box", "{\"width\":1,\"Corner\":{\"x\":1,\"Shade\":\"Pale\"}}", "$.box.Corner.Shade", "unknown value 'Pale' of enum 'Shade' (valid: Light, Dark)")]
    [InlineData("venue", "\"XNYS\"", "$.venue", "constant is always XNAS, got \"XNYS\"")]
    [InlineData("kind", "\"Red\"", "$.kind", "constant field 'kind' is always 'Blue', got \"Red\"")]
    [InlineData("legs", "{}", "$.legs", "expected an array of group entries, got an object")]
    [InlineData("legs", "[1]", "$.legs[0]", "expected an object, got 1")]
    [InlineData("text", "5", "$.text", "expected a string, got 5")]
    [InlineData("blob", "\"not base64!\"", "$.blob", "raw var data 'blob' is not valid base64")]
    public void Encode_InvalidValue_NamesThePath(string field, string valueJson, string path, string reason)
    {
        JsonObject message = Canonical();
        message[field] = JsonNode.Parse(valueJson);

        OtfEncodeException e = Assert.Throws<OtfEncodeException>(() => new OtfEncoder(OtfTestSchemas.V2).Encode(message.ToJsonString()));

        Assert.Equal(path, e.Path);
        Assert.Equal(reason, e.Reason);
        Assert.Equal(path + ": " + reason, e.Message);
    }

    [Theory]
    [InlineData("orderId", "$.orderId", "missing required field 'orderId'")]
    [InlineData("symbol", "$.symbol", "missing required field 'symbol'")]
    [InlineData("legs", "$.legs", "missing group 'legs' (use [] for no entries)")]
    [InlineData("text", "$.text", "missing var data 'text' (use \"\" for none)")]
    public void Encode_MissingRequiredMember_NamesThePath(string field, string path, string reason)
    {
        JsonObject message = Canonical();
        message.Remove(field);

        OtfEncodeException e = Assert.Throws<OtfEncodeException>(() => new OtfEncoder(OtfTestSchemas.V2).Encode(message.ToJsonString()));

        Assert.Equal(path, e.Path);
        Assert.Equal(reason, e.Reason);
    }

    [Fact]
    public void Encode_ErrorDeepInNestedGroups_NamesTheFullPath()
    {
        JsonObject message = Canonical();
        message["legs"]![0]!["fills"]![1]!["fillQty"] = "x";

        OtfEncodeException e = Assert.Throws<OtfEncodeException>(() => new OtfEncoder(OtfTestSchemas.V2).Encode(message.ToJsonString()));

        Assert.Equal("$.legs[0].fills[1].fillQty", e.Path);
    }

    [Fact]
    public void Encode_TooManyGroupEntries()
    {
        JsonObject message = Canonical();
        var fills = new JsonArray();
        for (int i = 0; i < 21; i++)
        {
            fills.Add(new JsonObject { ["fillQty"] = i, ["note"] = "" });
        }

        message["legs"]![0]!["fills"] = fills;

        OtfEncodeException e = Assert.Throws<OtfEncodeException>(() => new OtfEncoder(OtfTestSchemas.V2).Encode(message.ToJsonString()));

        Assert.Equal("$.legs[0].fills", e.Path);
        Assert.Equal("21 entries exceed the maximum numInGroup 20 of group 'fills'", e.Reason);
    }

    [Fact]
    public void Encode_VarDataLongerThanItsMaxValue()
    {
        JsonObject message = Canonical();
        message["text"] = new string('x', 101);

        OtfEncodeException e = Assert.Throws<OtfEncodeException>(() => new OtfEncoder(OtfTestSchemas.V2).Encode(message.ToJsonString()));

        Assert.Equal("$.text", e.Path);
        Assert.Equal("101 bytes exceed the maximum length 100 of var data 'text'", e.Reason);
    }

    [Fact]
    public void Encode_Utf8VarData_CountsBytesNotCharacters()
    {
        JsonObject message = Canonical();
        message["text"] = new string('é', 50);

        byte[] bytes = new OtfEncoder(OtfTestSchemas.V2).Encode(message.ToJsonString());
        message["text"] = new string('é', 51);

        Assert.Throws<OtfEncodeException>(() => new OtfEncoder(OtfTestSchemas.V2).Encode(message.ToJsonString()));
        Assert.Contains(new string('é', 50), new OtfDecoder(OtfTestSchemas.V2).Decode(bytes, 0, out _), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"$header\":{\"message\":\"Nope\"},\"seq\":1}", null, "$.$header.message", "unknown message 'Nope' in schema 'otf.test'")]
    [InlineData("{\"$header\":{\"message\":\"Ping\"},\"seq\":1}", "Order", "$.$header.message", "message 'Ping' does not match the requested message 'Order'")]
    [InlineData("{\"$header\":{\"templateId\":1},\"seq\":1}", "Ping", "$.$header.templateId", "templateId 1 does not match message 'Ping' id 2")]
    [InlineData("{\"$header\":{\"schemaId\":9},\"seq\":1}", "Ping", "$.$header.schemaId", "schemaId 9 does not match schema 'otf.test' id 7")]
    [InlineData("{\"$header\":{\"colour\":1},\"seq\":1}", "Ping", "$.$header.colour", "unknown header member 'colour'")]
    [InlineData("{\"$header\":[],\"seq\":1}", "Ping", "$.$header", "expected an object, got an array")]
    [InlineData("{\"seq\":1}", null, "$", "no message named: pass a message name or set $header.message")]
    [InlineData("{\"seq\":1}", "Pong", "$", "unknown message 'Pong' in schema 'otf.test'")]
    [InlineData("[1]", "Ping", "$", "expected an object, got an array")]
    [InlineData("{\"seq\":1,\"seq\":2}", "Ping", "$.seq", "duplicate field 'seq'")]
    public void Encode_BadHeaderOrMessageChoice(string json, string? messageName, string path, string reason)
    {
        OtfEncodeException e = Assert.Throws<OtfEncodeException>(() => new OtfEncoder(OtfTestSchemas.V2).Encode(json, messageName));

        Assert.Equal(path, e.Path);
        Assert.Equal(reason, e.Reason);
    }

    [Fact]
    public void Encode_TextThatIsNotJson_IsAnErrorAtTheRoot()
    {
        OtfEncodeException e = Assert.Throws<OtfEncodeException>(() => new OtfEncoder(OtfTestSchemas.V2).Encode("{\"seq\":", "Ping"));

        Assert.Equal("$", e.Path);
        Assert.StartsWith("invalid JSON: ", e.Reason, StringComparison.Ordinal);
    }

    private static JsonObject Canonical() => JsonNode.Parse(OtfTestSchemas.OrderV2Json)!.AsObject();
}
