using BenchmarkDotNet.Attributes;
using Llt.Hotpath.Feeds.Capture;
using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Benchmarks.Feeds;

/// <summary>
/// IEX DEEP decode and L2 book building from an in-memory capture (<see cref="IexDeepWorkload"/>: 64 symbols,
/// 8..24 levels a side, 1..8 messages per segment, ~1M messages). Results are per message.
/// <list type="bullet">
/// <item>ParseOnly: segment validation + message decode into a struct handler that reads every field.</item>
/// <item>ParseAndBuildBooks: the same plus <see cref="DeepBookBuilder{TListener}"/> (symbol lookup, L2 book update,
/// event-complete top-of-book publication, trades).</item>
/// <item>FeedFromPcap: the whole receive path from the capture bytes: pcap records, Ethernet/IPv4/UDP, IEX-TP
/// segment, sequencing (<see cref="IexTpReceiver"/>: <see cref="LineArbiter"/>, hold-back behind gaps), decode, books
/// (<see cref="IexCaptureSource"/> → <see cref="IexFeedHandler{TListener}"/>, flushed at the end of the capture).</item>
/// <item>TwoLinesWithLoss: the feed handler on two lines, A losing one segment in 32 and B two segments behind
/// (sequencing, the hold-back behind each gap, duplicates, decode, books; no pcap framing).</item>
/// </list>
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*IexBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class IexBenchmarks
{
    private IexDeepWorkload? _workload;
    private DeepBookBuilder<CountingListener>? _books;
    private IexFeedHandler<CountingListener>? _feed;

    public const int TargetMessages = 1 << 20;

    [GlobalSetup]
    public void Setup()
    {
        _workload = IexDeepWorkload.Create(TargetMessages);
        _books = new DeepBookBuilder<CountingListener>(IexDeepWorkload.Symbols, 64, default);
        _feed = new IexFeedHandler<CountingListener>(IexProtocol.Deep, _books, 1_000, long.MaxValue, startSequence: 1);
        if (_workload.Messages < TargetMessages)
        {
            throw new InvalidOperationException("workload too small");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_feed is not null)
        {
            // what the sequencing did over the whole run: the loss benchmark must recover every gap, lose none
            LineArbiter a = _feed.Arbiter;
            Console.WriteLine($"// feed: applied {_feed.MessagesApplied}, gaps {a.Gaps}, recovered {a.Recovered}, lost {a.LostMessages}, duplicates {a.Duplicates}");
        }

        _books?.Dispose();
    }

    [Benchmark(OperationsPerInvoke = TargetMessages)]
    public long ParseOnly()
    {
        var handler = new FieldReadingHandler();
        foreach (byte[] datagram in _workload!.Segments)
        {
            if (IexTpSegment.Wrap(datagram, out IexTpSegment segment) == IexTpError.None)
            {
                foreach (ReadOnlySpan<byte> message in segment)
                {
                    IexParser.Parse(IexProtocol.Deep, message, ref handler);
                }
            }
        }

        return handler.Checksum;
    }

    [Benchmark(OperationsPerInvoke = TargetMessages)]
    public long ParseAndBuildBooks()
    {
        DeepBookBuilder<CountingListener> books = _books!;
        foreach (byte[] datagram in _workload!.Segments)
        {
            if (IexTpSegment.Wrap(datagram, out IexTpSegment segment) == IexTpError.None)
            {
                foreach (ReadOnlySpan<byte> message in segment)
                {
                    books.Apply(IexProtocol.Deep, message, 0);
                }
            }
        }

        return books.Listener.Quotes;
    }

    [Benchmark(OperationsPerInvoke = TargetMessages)]
    public long FeedFromPcap()
    {
        IexFeedHandler<CountingListener> feed = _feed!;
        byte[] pcap = _workload!.Pcap;
        feed.RestartAt(1); // the same capture again, in sequence
        var source = new IexCaptureSource(pcap, UdpLineFilter.Any, UdpLineFilter.None);
        while (!source.IsFinished)
        {
            source.Poll(pcap, feed, 256);
        }

        return feed.MessagesApplied;
    }

    /// <summary>
    /// Both lines straight from the workload's segments (no pcap framing): line A loses one segment in 32, line B
    /// carries every segment two segments behind A, so each loss is a gap filled from B a little later (what A
    /// delivered after the gap waits behind it until then) and every other B segment is a duplicate.
    /// </summary>
    [Benchmark(OperationsPerInvoke = TargetMessages)]
    public long TwoLinesWithLoss()
    {
        IexFeedHandler<CountingListener> feed = _feed!;
        byte[][] segments = _workload!.Segments;
        feed.RestartAt(1);
        for (int i = 0; i < segments.Length; i++)
        {
            if (i % 32 != 5)
            {
                feed.OnDatagram(LineArbiter.LineA, segments[i], i);
            }

            if (i >= 2)
            {
                feed.OnDatagram(LineArbiter.LineB, segments[i - 2], i);
            }
        }

        feed.OnDatagram(LineArbiter.LineB, segments[^2], segments.Length);
        feed.OnDatagram(LineArbiter.LineB, segments[^1], segments.Length);
        return feed.MessagesApplied;
    }

    /// <summary>Reads the fields a book builder would, so the decode is not optimised away.</summary>
    private struct FieldReadingHandler : IIexHandler
    {
        public long Checksum;

        public void OnPriceLevelUpdate(PriceLevelUpdateMessage message) =>
            Checksum += message.Price + message.Size + message.EventFlags + (long)message.Symbol.Key + (long)message.Side;

        public void OnTradeReport(TradeReportMessage message) => Checksum += message.Price + message.Size + message.TradeId;

        public void OnSystemEvent(SystemEventMessage message)
        {
        }

        public void OnSecurityDirectory(SecurityDirectoryMessage message)
        {
        }

        public void OnTradingStatus(TradingStatusMessage message)
        {
        }

        public void OnRetailLiquidityIndicator(RetailLiquidityIndicatorMessage message)
        {
        }

        public void OnOperationalHaltStatus(OperationalHaltStatusMessage message)
        {
        }

        public void OnShortSalePriceTestStatus(ShortSalePriceTestStatusMessage message)
        {
        }

        public void OnSecurityEvent(SecurityEventMessage message)
        {
        }

        public void OnQuoteUpdate(QuoteUpdateMessage message)
        {
        }

        public void OnOfficialPrice(OfficialPriceMessage message)
        {
        }

        public void OnTradeBreak(TradeBreakMessage message)
        {
        }

        public void OnAuctionInformation(AuctionInformationMessage message)
        {
        }

        public void OnAddOrder(AddOrderMessage message)
        {
        }

        public void OnOrderModify(OrderModifyMessage message)
        {
        }

        public void OnOrderDelete(OrderDeleteMessage message)
        {
        }

        public void OnOrderExecuted(OrderExecutedMessage message)
        {
        }

        public void OnClearBook(ClearBookMessage message)
        {
        }

        public void OnMalformed(IexMalformedReason reason, ReadOnlySpan<byte> message) => Checksum--;
    }

    /// <summary>A listener that keeps counts only: what the engine's ring publisher would be handed.</summary>
    private struct CountingListener : IIexBookListener
    {
        public long Quotes;
        public long Levels;
        public long Trades;

        public void OnQuote(in IexQuote quote) => Quotes++;

        public void OnLevel(in IexLevelUpdate update) => Levels++;

        public void OnTrade(in IexTrade trade) => Trades++;

        public void OnTradeBreak(in IexTrade trade)
        {
        }

        public void OnSecurityStatus(in IexSecurityStatus status)
        {
        }
    }
}
