using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>Corrupt datagrams of every kind are counted and skipped; the feed never throws and keeps applying good ones.</summary>
public sealed class IexFeedRobustnessTests
{
    [Fact]
    public void BitFlippedAndCutSegments_NeverThrow_AndAGoodSegmentAfterThemStillApplies()
    {
        byte[] good = IexWire.Segment(
            IexWire.Deep,
            3,
            1,
            IexWire.Bid("ZIEXT", 99.05m, 100),
            IexWire.Ask("ZIEXT", 99.07m, 300),
            IexWire.Trade('T', 0, 1, "ZIEXT", 100, IexWire.Price4(99.06m), 1),
            IexWire.TradingStatus((byte)'T', 1, "ZIEXT", ""),
            IexWire.AuctionInformation((byte)'C', 1, "ZIEXT", 1, 1, 1, 1, (byte)'B', 1, 1, 1, 1, 1, 1));
        using var books = new DeepBookBuilder<CountingBookListener>(8, 16, default);
        var feed = new IexFeedHandler<CountingBookListener>(IexProtocol.Deep, books, 0, 0);
        var random = new Random(3);
        for (int i = 0; i < 5_000; i++)
        {
            byte[] mutated = (byte[])good.Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--)
            {
                mutated[random.Next(mutated.Length)] ^= (byte)(1 << random.Next(8));
            }

            feed.OnDatagram(random.Next(2), mutated.AsSpan(0, random.Next(mutated.Length + 1)), i);
        }

        Assert.True(feed.RefusedSegments > 0);
        Assert.True(books.MalformedMessages + books.RejectedUpdates + books.UnregisteredSymbolMessages + feed.Arbiter.Duplicates > 0);

        // a fresh session (no three bit flips of session 3 reach it) after the noise: sequencing restarts and the good segment applies in full
        int applied = feed.OnDatagram(LineArbiter.LineA, IexWire.Segment(IexWire.Deep, 0x7777_0000, 1, IexWire.Bid("GOOD", 10m, 5)), 10_000);
        Assert.Equal(1, applied);
        Assert.True(books.TryGetBookIndex(IexSymbol.From("GOOD"), out int index));
        Assert.Equal(IexWire.Price8(10m), books.Book(index).BestBidPrice);
    }
}
