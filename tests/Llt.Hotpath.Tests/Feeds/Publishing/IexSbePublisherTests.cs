using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.Feeds.Publishing;
using Llt.Hotpath.MarketData.Books;
using Llt.Hotpath.Tests.Engine;
using Llt.Hotpath.Tests.Feeds.Iex;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Feeds.Publishing;

/// <summary>
/// IEX-TP into the running engine: TOPS quotes and trades and DEEP price levels (built from the specification's
/// layouts by <see cref="IexWire"/>) published as SBE on md.ring by <see cref="IexSbePublisher"/> and applied by the trader.
/// </summary>
public sealed class IexSbePublisherTests
{
    private static readonly long Now = DateTimeOffset.Parse("2024-01-02T15:00:00Z").ToUnixTimeMilliseconds() * 1_000_000;

    private static IexSbePublisher Publisher(EngineHarness h) =>
        new(h.Engine.MdRing, IexInstrumentMap.For([.. h.Config.Instruments.Select(i => i.Symbol)]), feedId: 9) { ReceiveTs = h.Clock.NanoTime() };

    private static void Feed(ref IexSbePublisher publisher, IexProtocol protocol, params byte[][] messages)
    {
        foreach (byte[] message in messages)
        {
            Assert.Equal(IexMalformedReason.None, IexParser.Parse(protocol, message, ref publisher));
        }
    }

    [Fact]
    public void TopsQuotesAndTrades_UpdateTheInstrument()
    {
        using var h = new EngineHarness();
        IexSbePublisher publisher = Publisher(h);
        Feed(ref publisher, IexProtocol.Tops,
            IexWire.QuoteUpdate(0, Now, "AAPL", 300, IexWire.Price4(189.99m), IexWire.Price4(190.01m), 500),
            IexWire.Trade('T', 0, Now + 1, "AAPL", 100, IexWire.Price4(190.00m), 42));
        h.Drain();

        ref var aapl = ref h.Engine.Instruments[0];
        Assert.Equal(189_99000000, aapl.BidPrice);
        Assert.Equal(300, aapl.BidSize);
        Assert.Equal(190_01000000, aapl.AskPrice);
        Assert.Equal(500, aapl.AskSize);
        Assert.Equal(190_00000000, aapl.LastPrice);
        Assert.Equal(1, h.Engine.Counters.MdQuotes.Get());
        Assert.Equal(1, h.Engine.Counters.MdTrades.Get());
        Assert.Equal(0, h.Engine.Counters.MdRejected.Get());
    }

    [Fact]
    public void OneSidedQuotes_AndUnknownSymbols_AreCounted_NotPublished()
    {
        using var h = new EngineHarness();
        IexSbePublisher publisher = Publisher(h);
        Feed(ref publisher, IexProtocol.Tops,
            IexWire.QuoteUpdate(0, Now, "AAPL", 0, 0, IexWire.Price4(190.01m), 500),
            IexWire.QuoteUpdate(0, Now, "ZIEXT", 100, IexWire.Price4(9.99m), IexWire.Price4(10.01m), 100));
        h.Drain();

        Assert.Equal(0, publisher.Published);
        Assert.Equal(1, publisher.OneSided);
        Assert.Equal(1, publisher.Skipped);
        Assert.Equal(0, h.Engine.Counters.MdReceived.Get());
    }

    [Fact]
    public void DeepPriceLevels_BuildTheTradersL2Book_AndZeroSizeDeletesALevel()
    {
        using var h = new EngineHarness();
        IexSbePublisher publisher = Publisher(h);
        Feed(ref publisher, IexProtocol.Deep,
            IexWire.Bid("AAPL", 189.99m, 300, timestamp: Now),
            IexWire.Bid("AAPL", 189.98m, 700, timestamp: Now + 1),
            IexWire.Ask("AAPL", 190.01m, 500, timestamp: Now + 2),
            IexWire.Bid("AAPL", 189.99m, 0, timestamp: Now + 3));
        h.Drain();

        L2Book book = h.Engine.Books.L2(0);
        Assert.Equal(189_98000000, book.BestBidPrice);
        Assert.Equal(700, book.BestBidSize);
        Assert.Equal(190_01000000, book.BestAskPrice);
        Assert.Equal(4, h.Engine.Counters.MdBookUpdates.Get());
        Assert.Equal(0, h.Engine.Counters.MdRejected.Get());
    }

    [Fact]
    public void TradingStatus_BecomesAnInstrumentStatus()
    {
        using var h = new EngineHarness();
        IexSbePublisher publisher = Publisher(h);
        Feed(ref publisher, IexProtocol.Tops, IexWire.TradingStatus((byte)'H', Now, "MSFT", "NA  "));
        h.Drain();

        Assert.Equal(1, publisher.Published);
        Assert.Equal(1, h.Engine.Counters.MdAccepted.Get());
    }
}
