using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.Feeds.Sequencing;
using Llt.Hotpath.MarketData.Books;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Feeds.Iex;

public sealed class IexFeedHandlerTests
{
    private const uint Session = 1_222_443_008;

    [Fact]
    public void SameSegmentOnBothLines_IsAppliedOnce_FirstCopyWins()
    {
        using var books = NewBooks();
        var feed = NewFeed(books);
        byte[] segment = IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.05m, 100), IexWire.Ask("ZIEXT", 99.07m, 300));

        int fromB = feed.OnDatagram(LineArbiter.LineB, segment, 10);
        int fromA = feed.OnDatagram(LineArbiter.LineA, segment, 20);

        Assert.Equal((2, 0), (fromB, fromA));
        Assert.Equal(2, books.LevelUpdates);
        Assert.Equal(2, feed.MessagesApplied);
        Assert.Equal(2, feed.Arbiter.Duplicates); // messages
        Assert.Equal((0L, 1L), (feed.Arbiter.WinsA, feed.Arbiter.WinsB));
        Assert.Equal(3, feed.Arbiter.NextSequence);
    }

    [Fact]
    public void SegmentPastTheNextSequence_IsAGap_FilledLaterFromTheOtherLine_WithoutUndoingNewerLevels()
    {
        using var books = NewBooks();
        var feed = NewFeed(books);
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.00m, 1)), 1);
        // A loses sequences 2..4, then carries 5..6: 99.01 set to 7, 99.02 removed
        feed.OnDatagram(
            LineArbiter.LineA,
            IexWire.Segment(IexWire.Deep, Session, 5, IexWire.Bid("ZIEXT", 99.01m, 7, timestamp: 5), IexWire.Bid("ZIEXT", 99.02m, 0, timestamp: 6)),
            2);
        Assert.Equal(1, feed.Arbiter.Gaps);
        Assert.Equal(3, feed.Arbiter.GapMessages);

        int recovered = feed.OnDatagram(
            LineArbiter.LineB,
            IexWire.Segment(
                IexWire.Deep,
                Session,
                2,
                IexWire.Bid("ZIEXT", 99.01m, 2, timestamp: 2),
                IexWire.Bid("ZIEXT", 99.02m, 3, timestamp: 3),
                IexWire.Ask("ZIEXT", 99.10m, 4, timestamp: 4)),
            3);

        Assert.Equal(3, recovered);
        Assert.Equal(3, feed.Arbiter.Recovered);
        Assert.Equal(0, feed.Arbiter.PendingGapCount);
        Assert.Equal(6, feed.MessagesApplied);
        // 99.01 x2 is older than the 99.01 x7 applied at sequence 5, and 99.02 x3 older than its removal at 6:
        // level updates are absolute, so both are skipped; the ask at a price nothing newer touched is applied
        L2Book book = books.Book(0);
        Assert.Equal(2, book.BidLevelCount);
        Assert.Equal(new BookLevel(IexWire.Price8(99.01m), 7, 0), book.GetLevel(Side.Buy, 0));
        Assert.Equal(new BookLevel(IexWire.Price8(99.10m), 4, 0), book.GetLevel(Side.Sell, 0));
        Assert.Equal(2, books.StaleLevelUpdates);
        Assert.Equal((IexWire.Price8(99.01m), IexWire.Price8(99.10m)), (books.Listener.Quotes[^1].BidPrice, books.Listener.Quotes[^1].AskPrice));
    }

    [Fact]
    public void RecoveredUpdate_OlderThanTheRingOfRecentLevels_IsSkippedAsUnknowable()
    {
        using var books = new DeepBookBuilder<RecordingBookListener>(8, 16, new RecordingBookListener(), recentLevelCapacity: 4);
        var feed = NewFeed(books);
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.00m, 1)), 1);
        var later = new byte[8][];
        for (int i = 0; i < later.Length; i++)
        {
            later[i] = IexWire.Ask("ZIEXT", 100m + i, 1, timestamp: 10 + i);
        }

        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 3, later), 2);

        feed.OnDatagram(LineArbiter.LineB, IexWire.Segment(IexWire.Deep, Session, 2, IexWire.Bid("ZIEXT", 98m, 1, timestamp: 2)), 3);

        Assert.Equal(1, books.StaleLevelUpdates);
        Assert.Equal(1, books.Book(0).BidLevelCount);
    }

    [Fact]
    public void RecoveredTopsQuote_OlderThanTheQuoteApplied_IsSkipped()
    {
        using var books = NewBooks();
        var feed = new IexFeedHandler<RecordingBookListener>(IexProtocol.Tops, books, 1_000, long.MaxValue, startSequence: 1);
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Tops, Session, 1, IexWire.QuoteUpdate(0, 1, "ATSG", 100, 241900, 242500, 100)), 1);
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Tops, Session, 3, IexWire.QuoteUpdate(0, 3, "ATSG", 300, 242000, 242600, 300)), 2);

        feed.OnDatagram(LineArbiter.LineB, IexWire.Segment(IexWire.Tops, Session, 2, IexWire.QuoteUpdate(0, 2, "ATSG", 200, 241950, 242550, 200)), 3);

        Assert.Equal(1, feed.Arbiter.Recovered);
        Assert.Equal(1, books.StaleLevelUpdates);
        Assert.Equal(300, books.Book(0).BestBidSize);
    }

    [Fact]
    public void AfterASessionChange_RecoveredUpdatesAreNotJudgedByTheOldSessionsSequenceNumbers()
    {
        using var books = NewBooks();
        var feed = NewFeed(books);
        feed.OnDatagram(
            LineArbiter.LineA,
            IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.00m, 1), IexWire.Bid("ZIEXT", 95.00m, 1), IexWire.Bid("ZIEXT", 98.00m, 1)),
            1);
        // the new session's first segment on A is its sequence 3: 1..2 are a gap, filled by B
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session + 1, 3, IexWire.Bid("ZIEXT", 96.00m, 1)), 2);

        feed.OnDatagram(
            LineArbiter.LineB,
            IexWire.Segment(IexWire.Deep, Session + 1, 1, IexWire.Bid("ZIEXT", 97.00m, 1), IexWire.Bid("ZIEXT", 98.00m, 5)),
            3);

        // the old session's sequence 3 also set 98.00, but it is not newer than the new session's sequence 2
        Assert.Equal(2, feed.Arbiter.Recovered);
        Assert.Equal(0, books.StaleLevelUpdates);
        Assert.Equal(new BookLevel(IexWire.Price8(98.00m), 5, 0), books.Book(0).GetLevel(Side.Buy, 1));
    }

    [Fact]
    public void GapNeitherLineFills_IsDeclaredLostOnce_ToTheGapHandler()
    {
        using var books = NewBooks();
        var feed = new IexFeedHandler<RecordingBookListener>(IexProtocol.Deep, books, gapWindowMessages: long.MaxValue, gapWindowNs: 1_000, startSequence: 1);
        var gaps = new RecordingGapHandler();
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.00m, 1)), 0, ref gaps);
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 5, IexWire.Bid("ZIEXT", 99.04m, 1)), 100, ref gaps);

        Assert.Equal(0, feed.ExpireGaps(900, ref gaps));
        Assert.Equal(1, feed.ExpireGaps(1_200, ref gaps));
        Assert.Equal(0, feed.ExpireGaps(5_000, ref gaps));

        Assert.Equal([(2L, 4L)], gaps.Declared);
        Assert.Equal(1, feed.Arbiter.LostGaps);
        Assert.Equal(3, feed.Arbiter.LostMessages);
    }

    [Fact]
    public void Heartbeat_IsCountedAndRevealsAGapWhenItsNextSequenceIsAhead()
    {
        using var books = NewBooks();
        var feed = NewFeed(books);
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.00m, 1)), 1);

        Assert.Equal(0, feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 2), 2));
        Assert.Equal(0, feed.Arbiter.Gaps);
        Assert.Equal(0, feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 7), 3));

        Assert.Equal(2, feed.Heartbeats);
        Assert.Equal(1, feed.Arbiter.Gaps);
        Assert.Equal(5, feed.Arbiter.GapMessages);
    }

    [Fact]
    public void RefusedSegment_IsCountedByReason_AndTheGoodCopyOnTheOtherLineIsApplied()
    {
        using var books = NewBooks();
        var feed = NewFeed(books);
        byte[] good = IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.05m, 100));
        byte[] cut = good[..^3];

        Assert.Equal(0, feed.OnDatagram(LineArbiter.LineA, cut, 1));
        Assert.Equal(0, feed.OnDatagram(LineArbiter.LineA, good[..20], 1));
        Assert.Equal(1, feed.OnDatagram(LineArbiter.LineB, good, 2));

        Assert.Equal(2, feed.RefusedSegments);
        Assert.Equal(1, feed.RefusedSegmentCount(IexTpError.PayloadLengthMismatch));
        Assert.Equal(1, feed.RefusedSegmentCount(IexTpError.TruncatedHeader));
        Assert.Equal(100, books.Book(0).BestBidSize);
        Assert.Equal(0, feed.Arbiter.Gaps);
    }

    [Fact]
    public void SegmentOfAnotherProtocol_IsCountedAndNotSequenced()
    {
        using var books = NewBooks();
        var feed = NewFeed(books);

        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Tops, Session, 1, IexWire.QuoteUpdate(0, 1, "ZIEXT", 1, 1, 2, 1)), 1);

        Assert.Equal(1, feed.WrongProtocolSegments);
        Assert.Equal(0, feed.Segments);
        Assert.Equal(1, feed.Arbiter.NextSequence);
    }

    [Fact]
    public void MalformedMessageInsideAValidSegment_IsCounted_AndTheRestOfTheSegmentApplies()
    {
        using var books = NewBooks();
        var feed = NewFeed(books);

        int applied = feed.OnDatagram(
            LineArbiter.LineA,
            IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.05m, 100)[..20], [(byte)'Z', 1, 2], IexWire.Ask("ZIEXT", 99.07m, 5)),
            1);

        Assert.Equal(3, applied); // each sequence is consumed once, good or bad
        Assert.Equal(2, books.MalformedMessages);
        Assert.Equal(99.07m, books.Book(0).BestAskPrice / 100_000_000m);
        Assert.Equal(4, feed.Arbiter.NextSequence);
    }

    [Fact]
    public void NewSession_RestartsSequencing_AndTheLaggingLinesOldSessionIsDropped()
    {
        using var books = NewBooks();
        var feed = NewFeed(books);
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.00m, 1)), 1);
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 2, IexWire.Bid("ZIEXT", 99.01m, 1)), 2);

        Assert.Equal(1, feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session + 1, 1, IexWire.Bid("ZIEXT", 98.00m, 1)), 3));
        Assert.Equal(0, feed.OnDatagram(LineArbiter.LineB, IexWire.Segment(IexWire.Deep, Session, 3, IexWire.Bid("ZIEXT", 99.02m, 1)), 4));

        Assert.Equal(1, feed.PreviousSessionSegments);
        Assert.Equal(2, feed.Arbiter.NextSequence);
        Assert.Equal(0, feed.Arbiter.Gaps);
    }

    [Fact]
    public void SteadyStateSegmentsOnTwoLines_AllocateNothing()
    {
        using var books = new DeepBookBuilder<CountingBookListener>(4, 16, default);
        var feed = new IexFeedHandler<CountingBookListener>(IexProtocol.Deep, books, 1_000, 1_000_000, startSequence: 1);
        byte[][] messages = DeepBookBuilderTests.SteadyStateMessages();
        const int Segments = 512;
        var segments = new byte[Segments][];
        for (int i = 0; i < Segments; i++)
        {
            segments[i] = IexWire.Segment(IexWire.Deep, Session, 1 + ((long)i * messages.Length), messages);
        }

        for (int i = 0; i < 64; i++)
        {
            feed.OnDatagram(LineArbiter.LineA, segments[i], i);
            feed.OnDatagram(LineArbiter.LineB, segments[i], i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 64; i < Segments; i++)
        {
            feed.OnDatagram(LineArbiter.LineA, segments[i], i);
            feed.OnDatagram(LineArbiter.LineB, segments[i], i);
            feed.ExpireGaps(i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(Segments * messages.Length, feed.MessagesApplied);
        Assert.Equal(Segments * messages.Length, feed.Arbiter.Duplicates);
    }

    [Fact]
    public void SequenceGoingBackwardsOnOneLine_IsDroppedAsADuplicate_NeverAppliedTwice()
    {
        using var books = NewBooks();
        var feed = NewFeed(books);
        byte[] first = IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.00m, 1), IexWire.Bid("ZIEXT", 99.01m, 1));
        feed.OnDatagram(LineArbiter.LineA, first, 1);
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 3, IexWire.Bid("ZIEXT", 99.02m, 1)), 2);

        int applied = feed.OnDatagram(LineArbiter.LineA, first, 3);

        Assert.Equal(0, applied);
        Assert.Equal(3, feed.MessagesApplied);
        Assert.Equal(3, books.LevelUpdates);
        Assert.Equal(2, feed.Arbiter.Duplicates);
    }

    [Fact]
    public void GapsRecoveredFromTheOtherLine_AllocateNothing()
    {
        using var books = new DeepBookBuilder<CountingBookListener>(4, 16, default);
        var feed = new IexFeedHandler<CountingBookListener>(IexProtocol.Deep, books, 1_000, long.MaxValue, startSequence: 1);
        byte[][] messages = DeepBookBuilderTests.SteadyStateMessages();
        const int Segments = 512;
        var segments = new byte[Segments][];
        for (int i = 0; i < Segments; i++)
        {
            segments[i] = IexWire.Segment(IexWire.Deep, Session, 1 + ((long)i * messages.Length), messages);
        }

        void Run(int from, int to)
        {
            // line A loses every third segment, which line B then delivers after A's next one
            for (int i = from; i < to; i += 3)
            {
                feed.OnDatagram(LineArbiter.LineA, segments[i], i);
                if (i + 2 < to)
                {
                    feed.OnDatagram(LineArbiter.LineA, segments[i + 2], i);
                    feed.OnDatagram(LineArbiter.LineB, segments[i + 1], i);
                }
            }
        }

        Run(0, 60);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(60, Segments);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(feed.Arbiter.Recovered > 1_000);
        Assert.True(books.StaleLevelUpdates > 0);
    }

    private static DeepBookBuilder<RecordingBookListener> NewBooks() => new(8, 16, new RecordingBookListener());

    private static IexFeedHandler<RecordingBookListener> NewFeed(DeepBookBuilder<RecordingBookListener> books) =>
        new(IexProtocol.Deep, books, gapWindowMessages: 1_000, gapWindowNs: long.MaxValue, startSequence: 1);
}
