using Llt.Codecs.Otf;

namespace Llt.Codecs.Tests.Otf;

public sealed class OtfSchemaEvolutionTests
{
    [Fact]
    public void NewerDecoder_ReadsOlderMessage_OmittingMembersNewerThanTheActingVersion()
    {
        byte[] v1 = new OtfEncoder(OtfTestSchemas.V1).Encode(OtfTestSchemas.OrderV1Json);

        string json = new OtfDecoder(OtfTestSchemas.V2).Decode(v1, 0, out int length);

        Assert.Equal(OtfTestSchemas.OrderV1Json, json);
        Assert.Equal(v1.Length, length);
    }

    [Fact]
    public void OlderDecoder_ReadsNewerMessage_SkippingUnknownBlockBytesAndGroupEntryBytes()
    {
        byte[] v2 = new OtfEncoder(OtfTestSchemas.V2).Encode(OtfTestSchemas.OrderV2Json);

        string json = new OtfDecoder(OtfTestSchemas.V1).Decode(v2, 0, out int length);

        // The v1 view of the same message; the header still says what was on the wire (version 2, blockLength 68).
        string expected = OtfTestSchemas.OrderV1Json.Replace("\"version\":1,\"blockLength\":60", "\"version\":2,\"blockLength\":68", StringComparison.Ordinal);
        Assert.Equal(expected, json);
        // The v2-only var data "tail" (1 + 3 bytes) follows everything v1 knows, so v1 ends before it.
        Assert.Equal(v2.Length - 4, length);
    }

    [Fact]
    public void OlderMessageDecodedByNewerSchema_ReEncodesWithNullsForTheNewMembers()
    {
        byte[] v1 = new OtfEncoder(OtfTestSchemas.V1).Encode(OtfTestSchemas.OrderV1Json);
        string json = new OtfDecoder(OtfTestSchemas.V2).Decode(v1, 0, out _);

        byte[] v2 = new OtfEncoder(OtfTestSchemas.V2).Encode(json);
        string again = new OtfDecoder(OtfTestSchemas.V2).Decode(v2, 0, out _);

        Assert.Contains("\"version\":2,\"blockLength\":68", again, StringComparison.Ordinal);
        Assert.Contains("\"added\":-9223372036854775808,", again, StringComparison.Ordinal);
        Assert.Contains("\"legFee\":-2147483648,", again, StringComparison.Ordinal);
        Assert.EndsWith("\"tail\":\"\"}", again, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupAddedInANewerVersion_IsAbsentForOlderReadersAndEmptyWhenReEncoded()
    {
        const string Batch = "{\"batchId\":4,\"items\":[{\"value\":1},{\"value\":-1}],\"extras\":[{\"code\":3}]}";
        byte[] v2 = new OtfEncoder(OtfTestSchemas.V2).Encode(Batch, "Batch");

        string v1View = new OtfDecoder(OtfTestSchemas.V1).Decode(v2, 0, out int length);
        string v2View = new OtfDecoder(OtfTestSchemas.V2).Decode(new OtfEncoder(OtfTestSchemas.V2).Encode(v1View), 0, out _);

        Assert.Equal(v2.Length - 4 - 2, length);
        Assert.EndsWith("\"batchId\":4,\"items\":[{\"value\":1},{\"value\":-1}]}", v1View, StringComparison.Ordinal);
        Assert.EndsWith("\"items\":[{\"value\":1},{\"value\":-1}],\"extras\":[]}", v2View, StringComparison.Ordinal);
        Assert.EndsWith("\"extras\":[{\"code\":3}]}", new OtfDecoder(OtfTestSchemas.V2).Decode(v2, 0, out _), StringComparison.Ordinal);
    }

    [Fact]
    public void NewerMessageWithLargerBlock_DecodesAcrossAStreamWhenOnlyTheBlockGrew()
    {
        // Ping has no groups or var data, so a v1 reader can delimit v2 Pings by blockLength alone, even when a
        // newer sender's block is longer than the reader knows.
        byte[] ping = new OtfEncoder(OtfTestSchemas.V2).Encode("{\"seq\":9}", "Ping");
        byte[] longer = new byte[ping.Length + 4];
        ping.CopyTo(longer, 0);
        longer[0] = 12;
        byte[] stream = longer.Concat(longer).ToArray();

        IReadOnlyList<string> messages = new OtfDecoder(OtfTestSchemas.V1).DecodeAll(stream);

        Assert.Equal(2, messages.Count);
        Assert.Equal("{\"$header\":{\"message\":\"Ping\",\"templateId\":2,\"schemaId\":7,\"version\":2,\"blockLength\":12},\"seq\":9}", messages[1]);
    }
}
