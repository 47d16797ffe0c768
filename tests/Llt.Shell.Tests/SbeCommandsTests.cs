using System.Diagnostics;
using Llt.Codecs.Otf;
using Llt.Codecs.Schema;

namespace Llt.Shell.Tests;

public sealed class SbeCommandsTests
{
    private const string Quote =
        "{\"$header\":{\"message\":\"Quote\",\"templateId\":1,\"schemaId\":1,\"version\":2,\"blockLength\":56},"
        + "\"instrumentId\":7,\"flags\":[\"Stale\",\"Replay\"],\"feedId\":1,\"bidPrice\":10000000000,\"bidSize\":5,"
        + "\"askPrice\":10100000000,\"askSize\":6,\"exchangeTs\":18446744073709551614,\"receiveTs\":2}";

    private const string ExecutionReport =
        "{\"$header\":{\"message\":\"ExecutionReport\",\"templateId\":30,\"schemaId\":1,\"version\":2,\"blockLength\":88},"
        + "\"clOrdId\":42,\"venueOrderId\":9,\"instrumentId\":3,\"strategyId\":1,\"venueId\":0,\"execType\":\"PartialFill\","
        + "\"ordStatus\":\"PartiallyFilled\",\"side\":\"Buy\",\"rejectReason\":\"None\",\"price\":null,\"orderQty\":100,"
        + "\"cumQty\":40,\"leavesQty\":60,\"avgPx\":15000000000,\"transactTs\":1,\"receiveTs\":2,"
        + "\"fills\":[{\"lastPx\":15000000000,\"lastQty\":40,\"fee\":-12,\"tradeId\":77,\"liquidity\":\"Maker\"}],\"text\":\"partial ✓\"}";

    private static readonly MessageSchema Schema = SchemaParser.ParseFile(SbeTestSupport.PlatformSchema);

    [Fact]
    public void Decode_Hex_PrintsOneJsonObjectPerLine()
    {
        string hex = Convert.ToHexString(Encode(Quote)) + " \n" + Convert.ToHexString(Encode(ExecutionReport));

        SbeRun run = SbeTestSupport.Run(string.Empty, "sbe", "decode", "--schema", SbeTestSupport.PlatformSchema, "--hex", hex);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(new[] { Quote, ExecutionReport }, run.OutputLines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decode_Stdin_WhenFileIsDashOrAbsent(bool dash)
    {
        byte[] input = Encode(Quote).Concat(Encode(Quote)).ToArray();
        string[] args = dash
            ? new[] { "sbe", "decode", "--schema", SbeTestSupport.PlatformSchema, "-" }
            : new[] { "sbe", "decode", "--schema", SbeTestSupport.PlatformSchema };

        SbeRun run = SbeTestSupport.Run(input, args);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new[] { Quote, Quote }, run.OutputLines);
    }

    [Fact]
    public void Decode_File()
    {
        string file = Path.Combine(Path.GetTempPath(), "llt-sbe-test-" + Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(file, Encode(ExecutionReport));
        try
        {
            SbeRun run = SbeTestSupport.Run(string.Empty, "sbe", "decode", "--schema", SbeTestSupport.PlatformSchema, file);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(new[] { ExecutionReport }, run.OutputLines);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Decode_MalformedSecondMessage_PrintsTheFirstThenTheOffsetAndExits1()
    {
        byte[] quote = Encode(Quote);
        byte[] input = quote.Concat(quote.AsSpan(0, 30).ToArray()).ToArray();

        SbeRun run = SbeTestSupport.Run(input, "sbe", "decode", "--schema", SbeTestSupport.PlatformSchema);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(new[] { Quote }, run.OutputLines);
        Assert.Equal("error at offset 72: truncated: message 'Quote' block needs 56 bytes, 22 remain" + Environment.NewLine, run.Error);
    }

    [Fact]
    public void Decode_UnknownTemplateId_Exits1()
    {
        SbeRun run = SbeTestSupport.Run(string.Empty, "sbe", "decode", "--schema", SbeTestSupport.PlatformSchema, "--hex", "0800630001000100");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith("error at offset 0: unknown templateId 99", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_BadHex_Exits1()
    {
        SbeRun run = SbeTestSupport.Run(string.Empty, "sbe", "decode", "--schema", SbeTestSupport.PlatformSchema, "--hex", "0g");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--hex", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_BadSchema_PrintsFileLineProblem_AndExits2()
    {
        string schema = Path.Combine(Path.GetTempPath(), "llt-sbe-test-" + Guid.NewGuid().ToString("N") + ".xml");
        File.WriteAllText(schema, "<?xml version=\"1.0\"?>\n<sbe:messageSchema xmlns:sbe=\"http://fixprotocol.io/2016/sbe\" package=\"x\" id=\"1\">\n"
            + "  <types>\n    <type name=\"T\" primitiveType=\"int33\"/>\n  </types>\n</sbe:messageSchema>\n");
        try
        {
            SbeRun run = SbeTestSupport.Run(string.Empty, "sbe", "decode", "--schema", schema, "--hex", "00");

            Assert.Equal(2, run.ExitCode);
            Assert.Empty(run.Output);
            Assert.StartsWith(schema + ":4: ", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(schema);
        }
    }

    [Fact]
    public void Decode_MissingSchemaFile_Exits2()
    {
        SbeRun run = SbeTestSupport.Run(string.Empty, "sbe", "decode", "--schema", "/nonexistent/llt.xml", "--hex", "00");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: cannot read schema '/nonexistent/llt.xml'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_JsonLines_WritesRawBytes_ThatDecodeBack()
    {
        string input = Quote + "\n" + ExecutionReport + "\n";

        SbeRun run = SbeTestSupport.Run(input, "sbe", "encode", "--schema", SbeTestSupport.PlatformSchema);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Encode(Quote).Concat(Encode(ExecutionReport)).ToArray(), run.Output);
        Assert.Equal(new[] { Quote, ExecutionReport }, new OtfDecoder(Schema).DecodeAll(run.Output));
    }

    [Fact]
    public void Encode_OneIndentedObject_WithMessageOption_AndHexOutput()
    {
        const string Input = "{\n  \"correlationId\": 5,\n  \"action\": \"Engage\",\n  \"source\": \"ops\",\n  \"reason\": \"drill\"\n}\n";

        SbeRun run = SbeTestSupport.Run(Input, "sbe", "encode", "--schema", SbeTestSupport.PlatformSchema, "--message", "KillSwitchCommand", "--hex");

        Assert.Equal(0, run.ExitCode);
        // header (blockLength 9, templateId 52, schemaId 1, version 2) | correlationId | action | "ops" (uint8 length) | "drill" (uint16 length)
        Assert.Equal(new[] { "0900340001000200" + "0500000000000000" + "01" + "036f7073" + "05006472696c6c" }, run.OutputLines);
    }

    [Fact]
    public void Encode_InvalidValue_NamesThePath_WritesNothing_AndExits1()
    {
        string bad = ExecutionReport.Replace("\"lastQty\":40", "\"lastQty\":\"forty\"", StringComparison.Ordinal);

        SbeRun run = SbeTestSupport.Run(Quote + "\n" + bad, "sbe", "encode", "--schema", SbeTestSupport.PlatformSchema);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Equal("error: message 2: $.fills[0].lastQty: expected an integer (int64), got \"forty\"" + Environment.NewLine, run.Error);
    }

    [Fact]
    public void Encode_SyntaxError_Exits1()
    {
        SbeRun run = SbeTestSupport.Run("{\"correlationId\": 5,", "sbe", "encode", "--schema", SbeTestSupport.PlatformSchema, "--message", "KillSwitchCommand");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith("error: message 1: invalid JSON: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_UnknownMessageOption_Exits2()
    {
        SbeRun run = SbeTestSupport.Run("{}", "sbe", "encode", "--schema", SbeTestSupport.PlatformSchema, "--message", "Nope");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: unknown message 'Nope' in schema 'llt.sbe'" + Environment.NewLine, run.Error);
    }

    [Fact]
    public void BuiltExecutable_DecodesHex()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "llt.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { dll, "sbe", "decode", "--schema", SbeTestSupport.PlatformSchema, "--hex", Convert.ToHexString(Encode(Quote)) })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(Quote + "\n", output);
    }

    private static byte[] Encode(string json) => new OtfEncoder(Schema).Encode(json);
}
