using BenchmarkDotNet.Attributes;
using Llt.Hotpath.Feeds.Iex;

namespace Llt.Benchmarks.Feeds;

/// <summary>
/// IEX DEEP 1.0 parse and L2 build over the real IEX-TP segments in ../shared/data/captures/Iex/Deep.IexTp.v1.0 (read
/// from there, never copied into the repository), per message. The capture is tiny (a heartbeat and one buy and one
/// sell price level update), so the benchmark replays its segments until <see cref="TargetMessages"/> messages have
/// been applied: real bytes, but the same two levels every time, so it is an upper bound (hot cache, predictable
/// branches) next to <see cref="IexBenchmarks"/>' generated session. Level updates are absolute, so each replay
/// leaves the books as the first did.
/// Run: dotnet $LLT_ARTIFACTS/bin/Llt.Benchmarks/release/Llt.Benchmarks.dll --filter '*IexRealCaptureBenchmarks*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class IexRealCaptureBenchmarks
{
    public const int TargetMessages = 1 << 20;

    private DeepBookBuilder<NoIexBookListener>? _books;
    private byte[][] _segments = [];
    private int _replays;
    private int _messagesPerReplay;

    [GlobalSetup]
    public void Setup()
    {
        var segments = new List<byte[]>();
        foreach (byte[] payload in SharedCaptures.UdpPayloads(Path.Combine(SharedCaptures.Folder("Iex"), "Deep.IexTp.v1.0")))
        {
            if (IexTpSegment.Wrap(payload, out IexTpSegment segment) == IexTpError.None && segment.Protocol == IexProtocol.Deep)
            {
                segments.Add(payload);
                _messagesPerReplay += segment.MessageCount;
            }
        }

        if (_messagesPerReplay == 0)
        {
            throw new InvalidOperationException("no DEEP message in the IEX captures");
        }

        _segments = [.. segments];
        _replays = (TargetMessages + _messagesPerReplay - 1) / _messagesPerReplay;
        _books = new DeepBookBuilder<NoIexBookListener>(64, 64, default);
        ParseAndBuildBooks();
        Console.WriteLine(
            $"// real DEEP: {_segments.Length} segments, {_messagesPerReplay} messages per replay, {_replays} replays; " +
            $"level updates {_books.LevelUpdates}, malformed {_books.MalformedMessages}");
        if (_books.MalformedMessages != 0)
        {
            throw new InvalidOperationException("a real DEEP message did not parse");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _books?.Dispose();

    [Benchmark(OperationsPerInvoke = TargetMessages)]
    public long ParseAndBuildBooks()
    {
        DeepBookBuilder<NoIexBookListener> books = _books!;
        byte[][] segments = _segments;
        for (int r = 0; r < _replays; r++)
        {
            foreach (byte[] datagram in segments)
            {
                if (IexTpSegment.Wrap(datagram, out IexTpSegment segment) == IexTpError.None)
                {
                    foreach (ReadOnlySpan<byte> message in segment)
                    {
                        books.Apply(IexProtocol.Deep, message, 0);
                    }
                }
            }
        }

        return books.LevelUpdates;
    }

    /// <summary>Counts nothing: the engine's publisher would take these.</summary>
    private struct NoIexBookListener : IIexBookListener
    {
        public readonly void OnQuote(in IexQuote quote)
        {
        }

        public readonly void OnLevel(in IexLevelUpdate update)
        {
        }

        public readonly void OnTrade(in IexTrade trade)
        {
        }

        public readonly void OnTradeBreak(in IexTrade trade)
        {
        }

        public readonly void OnSecurityStatus(in IexSecurityStatus status)
        {
        }
    }
}
