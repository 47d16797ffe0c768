using Llt.Hotpath.Config;
using Llt.Hotpath.Feeds.Capture;
using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.Feeds.Publishing;
using Llt.Hotpath.Feeds.Sequencing;
using Llt.Hotpath.MarketData.Books;
using Llt.Hotpath.Tests.Engine;
using Llt.Hotpath.Tests.Feeds.Itch;
using Llt.Hotpath.Tests.Feeds.Sequencing;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>
/// IEX-TP from the generator (<see cref="IexSessionGenerator"/>, <see cref="IexFeedWriter"/>): every TOPS and DEEP
/// message type, two lines in a pcap/pcapng with segments dropped, repeated and late, through the A/B receiver into
/// L2 books — the books must be those of the session applied once, in order.
/// </summary>
public sealed class IexSessionReplayTests : IDisposable
{
    private const int PerSegment = 4;
    private static readonly UdpLineFilter LineA = new(IexFeedWriter.GroupA, IexFeedWriter.Port);
    private static readonly UdpLineFilter LineB = new(IexFeedWriter.GroupB, IexFeedWriter.Port);
    private readonly string _dir = Directory.CreateTempSubdirectory("llt-iex-session-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Applies what the receiver delivers to a DEEP book builder, in the order delivered.</summary>
    private struct BookApplier : ISequencedMessageHandler
    {
        public DeepBookBuilder<CountingBookListener> Books;
        public List<long> Sequences;

        public readonly void OnMessage(ReadOnlySpan<byte> message, long sequence, long receiveTimestampNs)
        {
            Sequences.Add(sequence);
            Books.Apply(IexProtocol.Deep, message, receiveTimestampNs);
        }
    }

    private static string Snapshot(DeepBookBuilder<CountingBookListener> books, IReadOnlyList<string> symbols)
    {
        var text = new System.Text.StringBuilder();
        foreach (string symbol in symbols)
        {
            Assert.True(books.TryGetBookIndex(IexSymbol.From(symbol), out int index), symbol);
            L2Book book = books.Book(index);
            text.Append(symbol).Append(':');
            foreach (Side side in new[] { Side.Buy, Side.Sell })
            {
                int levels = side == Side.Buy ? book.BidLevelCount : book.AskLevelCount;
                for (int l = 0; l < levels; l++)
                {
                    BookLevel level = book.GetLevel(side, l);
                    text.Append(' ').Append(side).Append(level.Size).Append('@').Append(level.Price);
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Reference(IReadOnlyList<byte[]> messages, IReadOnlyList<string> symbols)
    {
        using var books = new DeepBookBuilder<CountingBookListener>(8, 64, default);
        foreach (byte[] message in messages)
        {
            Assert.Equal(IexMalformedReason.None, books.Apply(IexProtocol.Deep, message, 0));
        }

        return Snapshot(books, symbols);
    }

    [Theory]
    [InlineData(IexWire.Tops, "SDHOPAIXQTB")]
    [InlineData(IexWire.Deep, "SDHOPAEX85TB")]
    public void Generator_CoversEveryMessageTypeOfTheProtocol_AndEachParses(ushort protocol, string types)
    {
        IReadOnlyList<byte[]> messages = new IexSessionGenerator(protocol, seed: 1).Generate(400).Messages;
        var handler = new RecordingIexHandler();
        foreach (byte[] message in messages)
        {
            IexParser.Parse((IexProtocol)protocol, message, ref handler);
        }

        Assert.Empty(handler.Malformed);
        Assert.Equal(messages.Count, handler.Messages.Count);
        Assert.Equal(types.Order(), messages.Select(m => (char)m[0]).Distinct().Order());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DeepOnTwoLines_DroppedRepeatedAndLateSegments_BuildTheBooksOfTheSessionInOrder(bool pcapng)
    {
        var generator = new IexSessionGenerator(IexWire.Deep, seed: 2).Generate(3_000);
        var faults = new MoldUdpFeedFaults
        {
            DropOnA = new HashSet<int>(Enumerable.Range(0, 25).Select(i => 6 + (i * 17))),
            DropOnB = new HashSet<int> { 3, 4 },
            DuplicateOnA = new HashSet<int> { 1, 2, 50 },
            BLagNs = IexFeedWriter.SegmentIntervalNs * 3,
            HeartbeatEvery = 40,
        };
        byte[] capture = pcapng
            ? IexFeedWriter.PcapNg(IexWire.Deep, generator.Messages, PerSegment, faults)
            : IexFeedWriter.Pcap(IexWire.Deep, generator.Messages, PerSegment, faults);

        using var books = new DeepBookBuilder<CountingBookListener>(8, 64, default);
        var applier = new BookApplier { Books = books, Sequences = [] };
        var gaps = new RecordingGapHandler();
        var receiver = new IexTpReceiver(IexProtocol.Deep, new LineArbiter(long.MaxValue, 1_000_000, startSequence: 1));
        CaptureCursor cursor = CaptureCursor.Open(capture);
        while (cursor.TryReadNextUdp(capture, out UdpDatagram datagram))
        {
            int line = LineB.Matches(datagram) ? LineArbiter.LineB : LineA.Matches(datagram) ? LineArbiter.LineA : -1;
            Assert.NotEqual(-1, line);
            receiver.OnDatagram(line, datagram.Payload, datagram.TimestampNs, ref applier, ref gaps);
        }

        Assert.Equal(CaptureError.None, cursor.Error);
        Assert.Empty(gaps.Declared);
        Assert.Equal(25 * PerSegment, receiver.Arbiter.Recovered);
        Assert.True(receiver.Heartbeats > 0);
        Assert.Equal(Enumerable.Range(1, generator.Messages.Count).Select(i => (long)i), applier.Sequences);
        Assert.Equal(0, books.MalformedMessages);
        Assert.Equal(Reference(generator.Messages, generator.Symbols), Snapshot(books, generator.Symbols));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DeepOnTwoLines_ThroughTheCaptureSourceAndFeedHandler_BuildsTheBooksOfTheSessionInOrder(bool pcapng)
    {
        var generator = new IexSessionGenerator(IexWire.Deep, seed: 5).Generate(3_000);
        var faults = new MoldUdpFeedFaults
        {
            DropOnA = new HashSet<int>(Enumerable.Range(0, 25).Select(i => 4 + (i * 19))),
            DropOnB = new HashSet<int> { 2, 3 },
            DuplicateOnA = new HashSet<int> { 1, 40 },
            BLagNs = IexFeedWriter.SegmentIntervalNs * 3,
            HeartbeatEvery = 30,
        };
        byte[] capture = pcapng
            ? IexFeedWriter.PcapNg(IexWire.Deep, generator.Messages, PerSegment, faults)
            : IexFeedWriter.Pcap(IexWire.Deep, generator.Messages, PerSegment, faults);
        using var books = new DeepBookBuilder<CountingBookListener>(8, 64, default);
        var feed = new IexFeedHandler<CountingBookListener>(IexProtocol.Deep, books, long.MaxValue, 1_000_000, startSequence: 1);
        var source = new IexCaptureSource(capture, LineA, LineB);
        var gaps = new RecordingGapHandler();

        while (!source.IsFinished)
        {
            source.Poll(capture, feed, 16, ref gaps);
        }

        Assert.Equal(CaptureError.None, source.Cursor.Error);
        Assert.Empty(gaps.Declared);
        Assert.Equal(25 * PerSegment, feed.Arbiter.Recovered);
        Assert.Equal(generator.Messages.Count, feed.MessagesApplied);
        Assert.Equal(0, books.MalformedMessages);
        Assert.Equal(Reference(generator.Messages, generator.Symbols), Snapshot(books, generator.Symbols));
    }

    [Fact]
    public void DeepSegmentLostOnBothLines_IsDeclaredOnce_TheRestApplies()
    {
        var generator = new IexSessionGenerator(IexWire.Deep, seed: 3).Generate(500);
        var faults = new MoldUdpFeedFaults { DropOnA = new HashSet<int> { 30 }, DropOnB = new HashSet<int> { 30 } };
        byte[] capture = IexFeedWriter.Pcap(IexWire.Deep, generator.Messages, PerSegment, faults);

        using var books = new DeepBookBuilder<CountingBookListener>(8, 64, default);
        var applier = new BookApplier { Books = books, Sequences = [] };
        var gaps = new RecordingGapHandler();
        var receiver = new IexTpReceiver(IexProtocol.Deep, new LineArbiter(long.MaxValue, 1_000_000, startSequence: 1));
        CaptureCursor cursor = CaptureCursor.Open(capture);
        while (cursor.TryReadNextUdp(capture, out UdpDatagram datagram))
        {
            receiver.OnDatagram(LineB.Matches(datagram) ? LineArbiter.LineB : LineArbiter.LineA, datagram.Payload, datagram.TimestampNs, ref applier, ref gaps);
        }

        receiver.Flush(ref applier, ref gaps);

        long from = (30 * PerSegment) + 1;
        Assert.Equal([(from, from + PerSegment - 1)], gaps.Declared);
        Assert.Equal(generator.Messages.Count - PerSegment, applier.Sequences.Count);
        Assert.Equal(applier.Sequences.Order(), applier.Sequences);
    }

    [Fact]
    public void DeepABCapture_ReplayedIntoTheEngine_GivesItsL2BooksTheTopOfTheSessionInOrder()
    {
        var generator = new IexSessionGenerator(IexWire.Deep, seed: 4).Generate(2_000);
        var faults = new MoldUdpFeedFaults
        {
            DropOnA = new HashSet<int>(Enumerable.Range(0, 20).Select(i => 5 + (i * 13))),
            BLagNs = IexFeedWriter.SegmentIntervalNs * 4,
        };
        string path = Path.Combine(_dir, "deep.pcap");
        File.WriteAllBytes(path, IexFeedWriter.Pcap(IexWire.Deep, generator.Messages, PerSegment, faults));
        using var h = new EngineHarness(customize: c => c with
        {
            Instruments = [.. generator.Symbols.Select((s, i) => new InstrumentConfig { Symbol = s, TickSize = 1, StartPrice = IexSessionGenerator.Mid(i) * 10_000 })],
            Feed = new FeedConfig { Type = "iex", Path = path, Mode = "max", FeedId = 9, Batch = 16 },
        });
        h.Drain();

        CaptureReplayAgent replay = h.Engine.ReplayFeed!;
        Assert.True(replay.IsFinished);
        Assert.Equal(20 * PerSegment, replay.Recovered);
        Assert.Equal(0, replay.Gaps);
        Assert.Equal(0, replay.Damaged);
        Assert.Equal(0, h.Engine.Counters.MdRejected.Get());
        using var reference = new DeepBookBuilder<CountingBookListener>(8, 64, default);
        foreach (byte[] message in generator.Messages)
        {
            reference.Apply(IexProtocol.Deep, message, 0);
        }

        for (int i = 0; i < generator.Symbols.Count; i++)
        {
            Assert.True(reference.TryGetBookIndex(IexSymbol.From(generator.Symbols[i]), out int index));
            L2Book expected = reference.Book(index);
            L2Book actual = h.Engine.Books.L2(i);
            Assert.Equal(
                (expected.BestBidPrice, expected.BestBidSize, expected.BestAskPrice, expected.BestAskSize),
                (actual.BestBidPrice, actual.BestBidSize, actual.BestAskPrice, actual.BestAskSize));
        }
    }
}
