using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Google.Protobuf;
using Llt.Benchmarks.Sbe.Proto;
using Llt.Codecs.Runtime;
using Llt.Sbe;

namespace Llt.Benchmarks.Sbe;

/// <summary>
/// One ExecutionReport (16 fixed fields, a <c>fills</c> group of 2 entries, a 12-byte <c>text</c>) encoded and
/// decoded with the generated SBE codec, System.Text.Json (source-generated context, reused writer and buffer,
/// deserialized from UTF-8 bytes) and Google.Protobuf (protoc-generated, CalculateSize + WriteTo a reused span,
/// ParseFrom a span). SBE is the baseline of each category. Decode benchmarks read every fixed field, every
/// fill and the text (length and first unit; SBE as a span over the buffer) and return their sum; encode copies
/// the same <see cref="ExecutionReportModel"/> STJ serializes (SBE writes the text from the string, UTF-8 encoded
/// straight into the buffer). Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*.Sbe.*' --job short
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ExecutionReportCodecBenchmarks
{
    private const string Encode = "ExecReport encode";
    private const string Decode = "ExecReport decode";
    private const string RoundTrip = "ExecReport encode+decode";

    private readonly byte[] _sbeBuffer = new byte[CodecSamples.BufferLength];
    private readonly byte[] _protoBuffer = new byte[CodecSamples.BufferLength];
    private readonly ArrayBufferWriter<byte> _jsonBuffer = new(CodecSamples.BufferLength);
    private ExecutionReportModel _report = null!;
    private ExecutionReportProto _reportProto = null!;
    private Utf8JsonWriter _jsonWriter = null!;
    private byte[] _textUtf8 = [];
    private byte[] _sbeEncoded = [];
    private byte[] _jsonEncoded = [];
    private byte[] _protoEncoded = [];

    [GlobalSetup]
    public void Setup()
    {
        _report = CodecSamples.CreateExecutionReport();
        _reportProto = CodecSamples.ToProto(_report);
        _jsonWriter = new Utf8JsonWriter(_jsonBuffer);
        _textUtf8 = System.Text.Encoding.UTF8.GetBytes(_report.Text);

        byte[] fromUtf8Text = _sbeBuffer.AsSpan(0, SbeEncodeUtf8Text()).ToArray();
        _sbeEncoded = _sbeBuffer.AsSpan(0, SbeEncode()).ToArray();
        if (!fromUtf8Text.AsSpan().SequenceEqual(_sbeEncoded))
        {
            throw new InvalidOperationException($"{nameof(SbeEncodeUtf8Text)}: bytes differ from {nameof(SbeEncode)}");
        }

        JsonEncode();
        _jsonEncoded = _jsonBuffer.WrittenSpan.ToArray();
        _protoEncoded = _protoBuffer.AsSpan(0, ProtobufEncode()).ToArray();

        long expected = CodecSamples.Checksum(_report);
        CodecSamples.CheckChecksum(nameof(SbeDecode), SbeDecode(), expected);
        CodecSamples.CheckChecksum(nameof(SbeDecodeChecked), SbeDecodeChecked(), expected);
        CodecSamples.CheckChecksum(nameof(JsonDecode), JsonDecode(), expected);
        CodecSamples.CheckChecksum(nameof(ProtobufDecode), ProtobufDecode(), expected);
        CodecSamples.CheckChecksum(nameof(SbeEncodeDecode), SbeEncodeDecode(), expected);
        CodecSamples.CheckChecksum(nameof(JsonEncodeDecode), JsonEncodeDecode(), expected);
        CodecSamples.CheckChecksum(nameof(ProtobufEncodeDecode), ProtobufEncodeDecode(), expected);
        Console.WriteLine(
            $"// ExecutionReport bytes: SBE {_sbeEncoded.Length}, JSON {_jsonEncoded.Length}, Protobuf {_protoEncoded.Length}");
    }

    [GlobalCleanup]
    public void Cleanup() => _jsonWriter.Dispose();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Encode)]
    public int SbeEncode() => SbeEncodeCore();

    /// <summary>As <see cref="SbeEncode"/>, but the text is already UTF-8 bytes (as a venue or journal hands it over).</summary>
    [Benchmark]
    [BenchmarkCategory(Encode)]
    public int SbeEncodeUtf8Text()
    {
        var e = ExecutionReportEncoder.WrapAndApplyHeader(_sbeBuffer, 0);
        WriteFieldsAndFills(ref e);
        e.SetText(_textUtf8);
        return ExecutionReportEncoder.HeaderLength + e.EncodedLength;
    }

    [Benchmark]
    [BenchmarkCategory(Encode)]
    public int JsonEncode() => JsonEncodeCore();

    [Benchmark]
    [BenchmarkCategory(Encode)]
    public int ProtobufEncode() => ProtobufEncodeCore();

    /// <summary>Trusted path: header read without checks; group and var data lengths still checked as read.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Decode)]
    public long SbeDecode()
    {
        var d = ExecutionReportDecoder.WrapWithHeader(_sbeEncoded, 0);
        return Sum(ref d);
    }

    /// <summary>Untrusted path: TryDecode validates the header and walks the group and the var data first.</summary>
    [Benchmark]
    [BenchmarkCategory(Decode)]
    public long SbeDecodeChecked()
    {
        if (ExecutionReportDecoder.TryDecode(_sbeEncoded, 0, out ExecutionReportDecoder d, out SbeError _)
            != SbeDecodeStatus.Ok)
        {
            return long.MinValue;
        }

        return Sum(ref d);
    }

    [Benchmark]
    [BenchmarkCategory(Decode)]
    public long JsonDecode() => CodecSamples.Checksum(
        JsonSerializer.Deserialize(_jsonEncoded, CodecJsonContext.Default.ExecutionReportModel)!);

    [Benchmark]
    [BenchmarkCategory(Decode)]
    public long ProtobufDecode() => Sum(ExecutionReportProto.Parser.ParseFrom(new ReadOnlySpan<byte>(_protoEncoded)));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(RoundTrip)]
    public long SbeEncodeDecode()
    {
        int length = SbeEncodeCore();
        var d = ExecutionReportDecoder.WrapWithHeader(_sbeBuffer.AsSpan(0, length), 0);
        return Sum(ref d);
    }

    [Benchmark]
    [BenchmarkCategory(RoundTrip)]
    public long JsonEncodeDecode()
    {
        JsonEncodeCore();
        return CodecSamples.Checksum(
            JsonSerializer.Deserialize(_jsonBuffer.WrittenSpan, CodecJsonContext.Default.ExecutionReportModel)!);
    }

    [Benchmark]
    [BenchmarkCategory(RoundTrip)]
    public long ProtobufEncodeDecode()
    {
        int length = ProtobufEncodeCore();
        return Sum(ExecutionReportProto.Parser.ParseFrom(new ReadOnlySpan<byte>(_protoBuffer, 0, length)));
    }

    private int SbeEncodeCore()
    {
        var e = ExecutionReportEncoder.WrapAndApplyHeader(_sbeBuffer, 0);
        WriteFieldsAndFills(ref e);
        e.SetText(_report.Text);
        return ExecutionReportEncoder.HeaderLength + e.EncodedLength;
    }

    private void WriteFieldsAndFills(ref ExecutionReportEncoder e)
    {
        ExecutionReportModel r = _report;
        e.SetClOrdId(r.ClOrdId);
        e.SetVenueOrderId(r.VenueOrderId);
        e.SetInstrumentId(r.InstrumentId);
        e.SetStrategyId(r.StrategyId);
        e.SetVenueId(r.VenueId);
        e.SetExecType(r.ExecType);
        e.SetOrdStatus(r.OrdStatus);
        e.SetSide(r.Side);
        e.SetRejectReason(r.RejectReason);
        e.SetPrice(r.Price);
        e.SetOrderQty(r.OrderQty);
        e.SetCumQty(r.CumQty);
        e.SetLeavesQty(r.LeavesQty);
        e.SetAvgPx(r.AvgPx);
        e.SetTransactTs(r.TransactTs);
        e.SetReceiveTs(r.ReceiveTs);
        List<FillModel> fills = r.Fills;
        var group = e.FillsCount(fills.Count);
        for (int i = 0; i < fills.Count; i++)
        {
            FillModel f = fills[i];
            group.Next();
            group.SetLastPx(f.LastPx);
            group.SetLastQty(f.LastQty);
            group.SetFee(f.Fee);
            group.SetTradeId(f.TradeId);
            group.SetLiquidity(f.Liquidity);
        }
    }

    private int JsonEncodeCore()
    {
        _jsonBuffer.ResetWrittenCount();
        _jsonWriter.Reset();
        JsonSerializer.Serialize(_jsonWriter, _report, CodecJsonContext.Default.ExecutionReportModel);
        return _jsonBuffer.WrittenCount;
    }

    private int ProtobufEncodeCore()
    {
        ExecutionReportProto p = _reportProto;
        int size = p.CalculateSize();
        p.WriteTo(_protoBuffer.AsSpan(0, size));
        return size;
    }

    private static long Sum(ref ExecutionReportDecoder d)
    {
        long sum = unchecked(
            (long)d.ClOrdId + (long)d.VenueOrderId + d.InstrumentId + d.StrategyId + d.VenueId + (long)d.ExecType
            + (long)d.OrdStatus + (long)d.Side + (long)d.RejectReason + d.Price + d.OrderQty + d.CumQty
            + d.LeavesQty + d.AvgPx + (long)d.TransactTs + (long)d.ReceiveTs);
        var fills = d.Fills();
        while (fills.HasNext)
        {
            fills.Next();
            sum = unchecked(sum + fills.LastPx + fills.LastQty + fills.Fee + (long)fills.TradeId + (long)fills.Liquidity);
        }

        ReadOnlySpan<byte> text = d.GetText();
        return unchecked(sum + text.Length + text[0]);
    }

    private static long Sum(ExecutionReportProto p)
    {
        long sum = unchecked(
            (long)p.ClOrdId + (long)p.VenueOrderId + p.InstrumentId + p.StrategyId + p.VenueId + p.ExecType
            + p.OrdStatus + p.Side + p.RejectReason + p.Price + p.OrderQty + p.CumQty + p.LeavesQty + p.AvgPx
            + (long)p.TransactTs + (long)p.ReceiveTs);
        foreach (FillProto f in p.Fills)
        {
            sum = unchecked(sum + f.LastPx + f.LastQty + f.Fee + (long)f.TradeId + f.Liquidity);
        }

        string text = p.Text;
        return unchecked(sum + text.Length + text[0]);
    }
}
