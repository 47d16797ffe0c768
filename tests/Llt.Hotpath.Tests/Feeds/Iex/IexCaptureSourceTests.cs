using Llt.Hotpath.Feeds.Capture;
using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Tests.Feeds.Iex;

public sealed class IexCaptureSourceTests
{
    private const uint Session = 7;
    private const long T0 = 1_611_692_981_000_000_000;

    public static TheoryData<string> Formats => new() { "pcap", "pcapng" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void CaptureWithBothLines_IsArbitratedIntoOneBook(string format)
    {
        byte[] s1 = IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.05m, 100), IexWire.Ask("ZIEXT", 99.07m, 300));
        byte[] s2 = IexWire.Segment(IexWire.Deep, Session, 3, IexWire.Bid("ZIEXT", 99.06m, 10));
        byte[] s3 = IexWire.Segment(IexWire.Deep, Session, 4, IexWire.Ask("ZIEXT", 99.07m, 0), IexWire.Ask("ZIEXT", 99.08m, 20));
        byte[] file = Capture(
            format,
            new(T0, IexCaptureFile.GroupA, s1),
            new(T0 + 10_000, IexCaptureFile.GroupB, s1),
            new(T0 + 20_000, IexCaptureFile.GroupB, s2), // A lost s2
            new(T0 + 30_000, IexCaptureFile.GroupA, s3),
            new(T0 + 40_000, IexCaptureFile.GroupB, s3),
            new(T0 + 50_000, 0xE9D71503, s3)); // another group: not a line of this feed
        using var books = new DeepBookBuilder<RecordingBookListener>(4, 16, new RecordingBookListener());
        var feed = new IexFeedHandler<RecordingBookListener>(IexProtocol.Deep, books, 1_000, long.MaxValue, startSequence: 1);
        var source = new IexCaptureSource(
            file, new UdpLineFilter(IexCaptureFile.GroupA, IexCaptureFile.Port), new UdpLineFilter(IexCaptureFile.GroupB, IexCaptureFile.Port));

        int polls = 0;
        while (!source.IsFinished)
        {
            source.Poll(file, feed, maxDatagrams: 2);
            polls++;
        }

        Assert.Equal(CaptureError.None, source.Cursor.Error);
        Assert.Equal(4, polls); // 6 datagrams, 2 per call, then the call that finds the end
        Assert.Equal(1, source.OtherDatagrams);
        Assert.Equal(5, feed.MessagesApplied);
        Assert.Equal(4, feed.Arbiter.Duplicates); // the messages of s1 and s3 again on B
        Assert.Equal(0, feed.Arbiter.Gaps);
        Assert.Equal((2L, 1L), (feed.Arbiter.WinsA, feed.Arbiter.WinsB));
        Assert.Equal(T0 + 50_000, source.LastTimestampNs);
        var book = books.Book(0);
        Assert.Equal((IexWire.Price8(99.06m), 10L), (book.BestBidPrice, book.BestBidSize));
        Assert.Equal((IexWire.Price8(99.08m), 20L), (book.BestAskPrice, book.BestAskSize));
        Assert.Equal(T0 + 30_000, books.Listener.Quotes[^1].ReceiveTimestampNs); // stamped with A's capture time
    }

    [Fact]
    public void CaptureTimestamps_DriveTheGapWindow()
    {
        byte[] file = IexCaptureFile.PcapNg(
            new(T0, IexCaptureFile.GroupA, IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 1m, 1))),
            new(T0 + 1_000, IexCaptureFile.GroupA, IexWire.Segment(IexWire.Deep, Session, 4, IexWire.Bid("ZIEXT", 1.03m, 1))),
            new(T0 + 5_000_000, IexCaptureFile.GroupA, IexWire.Segment(IexWire.Deep, Session, 5, IexWire.Bid("ZIEXT", 1.04m, 1))));
        using var books = new DeepBookBuilder<RecordingBookListener>(4, 16, new RecordingBookListener());
        var feed = new IexFeedHandler<RecordingBookListener>(IexProtocol.Deep, books, long.MaxValue, gapWindowNs: 1_000_000, startSequence: 1);
        var source = new IexCaptureSource(file, UdpLineFilter.Any, UdpLineFilter.None);
        var gaps = new RecordingGapHandler();

        source.Poll(file, feed, 10, ref gaps);

        Assert.Equal([(2L, 3L)], gaps.Declared);
    }

    [Fact]
    public void CaptureEndingWithAGapOpen_FlushesTheFeed_SoWhatWaitedBehindTheGapIsApplied()
    {
        // sequences 2..3 are on neither line; the window (long) would keep 4..5 waiting forever without the flush
        byte[] file = IexCaptureFile.PcapNg(
            new(T0, IexCaptureFile.GroupA, IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 1m, 1))),
            new(T0 + 1_000, IexCaptureFile.GroupA, IexWire.Segment(IexWire.Deep, Session, 4, IexWire.Bid("ZIEXT", 1.03m, 1), IexWire.Bid("ZIEXT", 1.04m, 1))));
        using var books = new DeepBookBuilder<RecordingBookListener>(4, 16, new RecordingBookListener());
        var feed = new IexFeedHandler<RecordingBookListener>(IexProtocol.Deep, books, 1_000, long.MaxValue, startSequence: 1);
        var source = new IexCaptureSource(file, UdpLineFilter.Any, UdpLineFilter.None);
        var gaps = new RecordingGapHandler();

        Assert.Equal(2, source.Poll(file, feed, 2, ref gaps));
        Assert.False(source.IsFinished);
        Assert.Equal(2, feed.HeldMessages);
        Assert.Equal(0, source.Poll(file, feed, 2, ref gaps)); // finds the end

        Assert.True(source.IsFinished);
        Assert.Equal([(2L, 3L)], gaps.Declared);
        Assert.Equal(0, feed.HeldMessages);
        Assert.Equal(3, feed.MessagesApplied);
        Assert.Equal(3, books.Book(0).BidLevelCount);
        Assert.Equal(0, source.Poll(file, feed, 2, ref gaps));
        Assert.Single(gaps.Declared);
    }

    [Fact]
    public void NotACapture_FinishesAtOnceWithUnknownFormat()
    {
        byte[] file = "not a capture at all"u8.ToArray();
        using var books = new DeepBookBuilder<RecordingBookListener>(4, 16, new RecordingBookListener());
        var feed = new IexFeedHandler<RecordingBookListener>(IexProtocol.Deep, books, 1, 1);

        var source = new IexCaptureSource(file, UdpLineFilter.Any, UdpLineFilter.None);

        Assert.True(source.IsFinished);
        Assert.Equal(CaptureError.UnknownFormat, source.Cursor.Error);
        Assert.Equal(0, source.Poll(file, feed, 10));
    }

    private static byte[] Capture(string format, params IexCaptureFile.Datagram[] datagrams) =>
        format == "pcap" ? IexCaptureFile.Pcap(datagrams) : IexCaptureFile.PcapNg(datagrams);
}
