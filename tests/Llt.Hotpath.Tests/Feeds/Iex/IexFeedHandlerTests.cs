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
    public void SegmentPastTheNextSequence_WaitsBehindTheGap_ThenEverythingAppliesInSequenceOrder()
    {
        using var books = NewBooks();
        var feed = NewFeed(books);
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.00m, 1)), 1);
        // A loses sequences 2..4, then carries 5..6: 99.01 set to 7, 99.02 removed
        int pastTheGap = feed.OnDatagram(
            LineArbiter.LineA,
            IexWire.Segment(IexWire.Deep, Session, 5, IexWire.Bid("ZIEXT", 99.01m, 7, timestamp: 5), IexWire.Bid("ZIEXT", 99.02m, 0, timestamp: 6)),
            2);
        Assert.Equal(0, pastTheGap);
        Assert.Equal(2, feed.HeldMessages);
        Assert.Equal(1, books.LevelUpdates); // nothing past the gap reached the book yet
        Assert.Equal(1, feed.Arbiter.Gaps);
        Assert.Equal(3, feed.Arbiter.GapMessages);

        int applied = feed.OnDatagram(
            LineArbiter.LineB,
            IexWire.Segment(
                IexWire.Deep,
                Session,
                2,
                IexWire.Bid("ZIEXT", 99.01m, 2, timestamp: 2),
                IexWire.Bid("ZIEXT", 99.02m, 3, timestamp: 3),
                IexWire.Ask("ZIEXT", 99.10m, 4, timestamp: 4)),
            3);

        Assert.Equal(5, applied); // the 3 recovered, then the 2 that waited
        Assert.Equal(3, feed.Arbiter.Recovered);
        Assert.Equal(0, feed.Arbiter.PendingGapCount);
        Assert.Equal(0, feed.HeldMessages);
        Assert.Equal(6, feed.MessagesApplied);
        // the book saw the session in sequence order: 99.01 went 2 then 7 (never back to 2), 99.02 went 3 then away
        Assert.Equal([1L, 2L, 3L, 4L, 7L, 0L], books.Listener.Levels.Select(l => l.Size));
        L2Book book = books.Book(0);
        Assert.Equal(2, book.BidLevelCount);
        Assert.Equal(new BookLevel(IexWire.Price8(99.01m), 7, 0), book.GetLevel(Side.Buy, 0));
        Assert.Equal(new BookLevel(IexWire.Price8(99.10m), 4, 0), book.GetLevel(Side.Sell, 0));
        Assert.Equal((IexWire.Price8(99.01m), IexWire.Price8(99.10m)), (books.Listener.Quotes[^1].BidPrice, books.Listener.Quotes[^1].AskPrice));
    }

    [Fact]
    public void GapLongerThanTheHoldBack_IsGivenUp_AndItsLateCopyIsDropped_NeverAppliedOutOfOrder()
    {
        using var books = NewBooks();
        var feed = new IexFeedHandler<RecordingBookListener>(IexProtocol.Deep, books, 1_000, long.MaxValue, startSequence: 1, holdBackMessages: 8);
        var gaps = new RecordingGapHandler();
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.00m, 1)), 1, ref gaps);
        var later = new byte[8][];
        for (int i = 0; i < later.Length; i++)
        {
            later[i] = IexWire.Ask("ZIEXT", 100m + i, 1, timestamp: 10 + i);
        }

        // sequences 3..10 behind the gap at 2: the hold-back (8 from sequence 2) has no room for 10
        int applied = feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 3, later), 2, ref gaps);

        Assert.Equal(8, applied);
        Assert.Equal(1, feed.HoldBackOverflows);
        Assert.Equal([(2L, 2L)], gaps.Declared);

        int late = feed.OnDatagram(LineArbiter.LineB, IexWire.Segment(IexWire.Deep, Session, 2, IexWire.Bid("ZIEXT", 98m, 1, timestamp: 2)), 3, ref gaps);

        Assert.Equal(0, late);
        Assert.Equal(1, feed.Arbiter.LatePackets);
        Assert.Equal(9, feed.MessagesApplied);
        Assert.Equal(1, books.Book(0).BidLevelCount); // the late 98.00 bid never reached the book
        Assert.Equal(Enumerable.Range(0, 8).Select(i => IexWire.Price8(100m + i)), books.Listener.Levels.Skip(1).Select(l => l.Price));
    }

    [Fact]
    public void TopsQuotePastAGap_WaitsForTheRecoveredOne_SoTheNewestQuoteEndsOnTop()
    {
        using var books = NewBooks();
        var feed = new IexFeedHandler<RecordingBookListener>(IexProtocol.Tops, books, 1_000, long.MaxValue, startSequence: 1);
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Tops, Session, 1, IexWire.QuoteUpdate(0, 1, "ATSG", 100, 241900, 242500, 100)), 1);
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Tops, Session, 3, IexWire.QuoteUpdate(0, 3, "ATSG", 300, 242000, 242600, 300)), 2);
        Assert.Equal(100, books.Book(0).BestBidSize);

        feed.OnDatagram(LineArbiter.LineB, IexWire.Segment(IexWire.Tops, Session, 2, IexWire.QuoteUpdate(0, 2, "ATSG", 200, 241950, 242550, 200)), 3);

        Assert.Equal(1, feed.Arbiter.Recovered);
        Assert.Equal([100L, 200L, 300L], books.Listener.Quotes.Select(q => q.BidSize));
        Assert.Equal(300, books.Book(0).BestBidSize);
    }

    [Fact]
    public void NewSessionStartingPastItsFirstSequence_WaitsForTheOtherLine_ThenAppliesTheNewSessionInOrder()
    {
        using var books = NewBooks();
        var feed = NewFeed(books);
        feed.OnDatagram(
            LineArbiter.LineA,
            IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.00m, 1), IexWire.Bid("ZIEXT", 95.00m, 1), IexWire.Bid("ZIEXT", 98.00m, 1)),
            1);
        // the new session's first segment on A is its sequence 3: 1..2 are a gap, filled by B
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session + 1, 3, IexWire.Bid("ZIEXT", 96.00m, 1)), 2);
        Assert.Equal(1, feed.HeldMessages);

        feed.OnDatagram(
            LineArbiter.LineB,
            IexWire.Segment(IexWire.Deep, Session + 1, 1, IexWire.Bid("ZIEXT", 97.00m, 1), IexWire.Bid("ZIEXT", 98.00m, 5)),
            3);

        Assert.Equal(2, feed.Arbiter.Recovered);
        Assert.Equal(
            [IexWire.Price8(97.00m), IexWire.Price8(98.00m), IexWire.Price8(96.00m)],
            books.Listener.Levels.Skip(3).Select(l => l.Price));
        Assert.Equal(new BookLevel(IexWire.Price8(98.00m), 5, 0), books.Book(0).GetLevel(Side.Buy, 1));
        Assert.Equal(5, books.Book(0).BidLevelCount);
    }

    [Fact]
    public void Flush_DeclaresTheGapStillOpen_AndAppliesWhatWaitedBehindIt()
    {
        using var books = NewBooks();
        var feed = NewFeed(books);
        var gaps = new RecordingGapHandler();
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.00m, 1)), 1, ref gaps);
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 4, IexWire.Bid("ZIEXT", 99.03m, 1), IexWire.Bid("ZIEXT", 99.04m, 1)), 2, ref gaps);
        Assert.Equal(1, books.Book(0).BidLevelCount);

        Assert.Equal(2, feed.Flush(ref gaps));

        Assert.Equal([(2L, 3L)], gaps.Declared);
        Assert.Equal(0, feed.HeldMessages);
        Assert.Equal(3, books.Book(0).BidLevelCount);
        Assert.Equal(0, feed.Flush(ref gaps)); // nothing more
    }

    [Fact]
    public void RestartAt_DropsWhatWaitedBehindAGap_AndExpectsTheGivenSequence()
    {
        using var books = NewBooks();
        var feed = NewFeed(books);
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 99.00m, 1)), 1);
        feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 4, IexWire.Bid("ZIEXT", 99.03m, 1)), 2);

        Assert.Equal(1, feed.RestartAt(1));

        Assert.Equal(0, feed.HeldMessages);
        Assert.Equal(0, feed.Arbiter.PendingGapCount);
        Assert.Equal(1, feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, Session, 1, IexWire.Bid("ZIEXT", 98.00m, 1)), 3));
        Assert.Equal(2, feed.MessagesApplied);
        Assert.Equal(2, books.Book(0).BidLevelCount); // 99.00 and 98.00: the dropped 99.03 never reached the book
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
        Assert.Equal(1, books.Book(0).BidLevelCount); // 99.04 waits behind the gap
        Assert.Equal(1, feed.ExpireGaps(1_200, ref gaps)); // declared: the one message behind it is applied
        Assert.Equal(0, feed.ExpireGaps(5_000, ref gaps));

        Assert.Equal(2, books.Book(0).BidLevelCount);
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
        Assert.Equal(0, feed.HeldMessages);
        Assert.Equal((Segments - 1) * messages.Length, feed.MessagesApplied); // segment 511 is never sent
        Assert.Equal(feed.MessagesApplied, books.Messages);
    }

    private static DeepBookBuilder<RecordingBookListener> NewBooks() => new(8, 16, new RecordingBookListener());

    private static IexFeedHandler<RecordingBookListener> NewFeed(DeepBookBuilder<RecordingBookListener> books) =>
        new(IexProtocol.Deep, books, gapWindowMessages: 1_000, gapWindowNs: long.MaxValue, startSequence: 1);
}
