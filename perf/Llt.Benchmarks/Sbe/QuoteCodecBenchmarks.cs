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
/// One Quote (9 fixed fields, 64 bytes framed) encoded and decoded with the generated SBE codec, with
/// System.Text.Json (source-generated context, a reused Utf8JsonWriter over a reused ArrayBufferWriter,
/// deserialized from UTF-8 bytes) and with Google.Protobuf (protoc-generated QuoteProto, CalculateSize + WriteTo
/// a reused span, ParseFrom a span). SBE is the baseline of each category, so Ratio reads "times slower than
/// SBE". Decode benchmarks read every field and return their sum; encode benchmarks return the encoded length.
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*.Sbe.*' --job short
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class QuoteCodecBenchmarks
{
    private const string Encode = "Quote encode";
    private const string Decode = "Quote decode";

    private readonly byte[] _sbeBuffer = new byte[CodecSamples.BufferLength];
    private readonly byte[] _protoBuffer = new byte[CodecSamples.BufferLength];
    private readonly ArrayBufferWriter<byte> _jsonBuffer = new(CodecSamples.BufferLength);
    private QuoteModel _quote = null!;
    private QuoteProto _quoteProto = null!;
    private Utf8JsonWriter _jsonWriter = null!;
    private byte[] _sbeEncoded = [];
    private byte[] _jsonEncoded = [];
    private byte[] _protoEncoded = [];

    [GlobalSetup]
    public void Setup()
    {
        _quote = CodecSamples.CreateQuote();
        _quoteProto = CodecSamples.ToProto(_quote);
        _jsonWriter = new Utf8JsonWriter(_jsonBuffer);

        _sbeEncoded = _sbeBuffer.AsSpan(0, SbeEncode()).ToArray();
        JsonEncode();
        _jsonEncoded = _jsonBuffer.WrittenSpan.ToArray();
        _protoEncoded = _protoBuffer.AsSpan(0, ProtobufEncode()).ToArray();

        long expected = CodecSamples.Checksum(_quote);
        CodecSamples.CheckChecksum(nameof(SbeDecode), SbeDecode(), expected);
        CodecSamples.CheckChecksum(nameof(SbeDecodeChecked), SbeDecodeChecked(), expected);
        CodecSamples.CheckChecksum(nameof(JsonDecode), JsonDecode(), expected);
        CodecSamples.CheckChecksum(nameof(ProtobufDecode), ProtobufDecode(), expected);
        Console.WriteLine(
            $"// Quote bytes: SBE {_sbeEncoded.Length}, JSON {_jsonEncoded.Length}, Protobuf {_protoEncoded.Length}");
    }

    [GlobalCleanup]
    public void Cleanup() => _jsonWriter.Dispose();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Encode)]
    public int SbeEncode()
    {
        QuoteModel q = _quote;
        var e = QuoteEncoder.WrapAndApplyHeader(_sbeBuffer, 0);
        e.SetInstrumentId(q.InstrumentId);
        e.SetFlags(q.Flags);
        e.SetFeedId(q.FeedId);
        e.SetBidPrice(q.BidPrice);
        e.SetBidSize(q.BidSize);
        e.SetAskPrice(q.AskPrice);
        e.SetAskSize(q.AskSize);
        e.SetExchangeTs(q.ExchangeTs);
        e.SetReceiveTs(q.ReceiveTs);
        return QuoteEncoder.HeaderLength + e.EncodedLength;
    }

    [Benchmark]
    [BenchmarkCategory(Encode)]
    public int JsonEncode()
    {
        _jsonBuffer.ResetWrittenCount();
        _jsonWriter.Reset();
        JsonSerializer.Serialize(_jsonWriter, _quote, CodecJsonContext.Default.QuoteModel);
        return _jsonBuffer.WrittenCount;
    }

    [Benchmark]
    [BenchmarkCategory(Encode)]
    public int ProtobufEncode()
    {
        QuoteProto p = _quoteProto;
        int size = p.CalculateSize();
        p.WriteTo(_protoBuffer.AsSpan(0, size));
        return size;
    }

    /// <summary>Trusted path: header read without checks (bytes this process or the journal wrote).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Decode)]
    public long SbeDecode()
    {
        var d = QuoteDecoder.WrapWithHeader(_sbeEncoded, 0);
        return Sum(ref d);
    }

    /// <summary>Untrusted path: TryDecode validates header, schema, template and block length first.</summary>
    [Benchmark]
    [BenchmarkCategory(Decode)]
    public long SbeDecodeChecked()
    {
        if (QuoteDecoder.TryDecode(_sbeEncoded, 0, out QuoteDecoder d, out SbeError _) != SbeDecodeStatus.Ok)
        {
            return long.MinValue;
        }

        return Sum(ref d);
    }

    [Benchmark]
    [BenchmarkCategory(Decode)]
    public long JsonDecode()
    {
        QuoteModel q = JsonSerializer.Deserialize(_jsonEncoded, CodecJsonContext.Default.QuoteModel)!;
        return unchecked(
            q.InstrumentId + (long)q.Flags + q.FeedId + q.BidPrice + q.BidSize + q.AskPrice + q.AskSize
            + (long)q.ExchangeTs + (long)q.ReceiveTs);
    }

    [Benchmark]
    [BenchmarkCategory(Decode)]
    public long ProtobufDecode()
    {
        QuoteProto p = QuoteProto.Parser.ParseFrom(new ReadOnlySpan<byte>(_protoEncoded));
        return unchecked(
            p.InstrumentId + (long)p.Flags + p.FeedId + p.BidPrice + p.BidSize + p.AskPrice + p.AskSize
            + (long)p.ExchangeTs + (long)p.ReceiveTs);
    }

    private static long Sum(ref QuoteDecoder d) => unchecked(
        d.InstrumentId + (long)d.Flags + d.FeedId + d.BidPrice + d.BidSize + d.AskPrice + d.AskSize
        + (long)d.ExchangeTs + (long)d.ReceiveTs);
}
