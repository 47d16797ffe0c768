using Llt.Hotpath.Journal;

namespace Llt.Hotpath.Tests.Journal;

public sealed class JournalFramePrinterTests
{
    [Fact]
    public void Print_AsJson_WritesHeaderFieldsAndHexPayload()
    {
        var output = new StringWriter();
        var printer = new JournalFramePrinter(output, HexJournalPayloadFormatter.Instance, json: true);
        printer.Print(new JournalFrame(128, 7, 42, 1_000, new byte[] { 0x0A, 0xFF }));
        Assert.Equal("{\"sequence\":7,\"position\":128,\"type\":42,\"timestampNs\":1000,\"length\":2,\"payloadHex\":\"0aff\"}" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void Print_AsText_WritesOneLinePerFrame()
    {
        var output = new StringWriter();
        var printer = new JournalFramePrinter(output, HexJournalPayloadFormatter.Instance, json: false);
        printer.Print(new JournalFrame(200, 8, 3, 5, ReadOnlySpan<byte>.Empty));
        Assert.Equal("seq=8 pos=200 type=3 tsNs=5 len=0 {\"payloadHex\":\"\"}" + Environment.NewLine, output.ToString());
    }
}
