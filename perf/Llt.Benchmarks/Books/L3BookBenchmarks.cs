using BenchmarkDotNet.Attributes;
using Llt.Hotpath.MarketData.Books;
using Llt.Sbe;

namespace Llt.Benchmarks.Books;

/// <summary>
/// Steady-state L3 costs on a book holding 4,000 resting orders over 2 × 50 levels
/// (<see cref="L3BookWorkload"/>); each invocation runs <see cref="OperationsPerInvoke"/> operations and
/// leaves the book as it found it; results are per operation.
/// <list type="bullet">
/// <item>ExecutePartial: 1 lot off the head order of the best bid (the book's most frequent trade event).</item>
/// <item>AddDeleteNearTouch: add at the touch or next level, then delete it (two operations).</item>
/// <item>BboQuery: best bid/ask price and size, spread and mid together.</item>
/// <item>QueuePositionAtTouch: qty ahead of the order at the tail of the best bid (walks its queue, ~40 orders).</item>
/// </list>
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*L3BookBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class L3BookBenchmarks
{
    public const int OperationsPerInvoke = 1024;

    private L3Book? _book;
    private long _headOfBestBid;
    private long _tailOfBestBid;

    [GlobalSetup]
    public void Setup()
    {
        _book = new L3Book(L3BookWorkload.OrderCapacity, L3BookWorkload.LevelCapacity);
        // first in the best bid's queue, and big enough never to fill: every partial execution takes one path
        _headOfBestBid = 5_000_000;
        _book.Add(_headOfBestBid, Side.Buy, L3BookWorkload.BestBid, long.MaxValue / 4);
        L3BookWorkload.AddResting(_book);
        Span<long> queue = stackalloc long[4096];
        int count = _book.CopyQueue(Side.Buy, L3BookWorkload.BestBid, queue);
        _tailOfBestBid = queue[count - 1];
    }

    [GlobalCleanup]
    public void Cleanup() => _book?.Dispose();

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public long ExecutePartial()
    {
        L3Book book = _book!;
        long total = 0;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            total += (long)book.Execute(_headOfBestBid, 1);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = 2 * OperationsPerInvoke)]
    public long AddDeleteNearTouch()
    {
        L3Book book = _book!;
        long total = 0;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            long id = 10_000_000 + i;
            long price = L3BookWorkload.BestAsk + (i & 1) * L3BookWorkload.Tick;
            total += (long)book.Add(id, Side.Sell, price, 10);
            total += (long)book.Delete(id);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public long BboQuery()
    {
        L3Book book = _book!;
        long total = 0;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            total += book.BestBidPrice + book.BestBidSize + book.BestAskPrice + book.BestAskSize + book.Spread + book.Mid;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public long QueuePositionAtTouch()
    {
        L3Book book = _book!;
        long total = 0;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            book.QueuePosition(_tailOfBestBid, out long ahead, out _);
            total += ahead;
        }

        return total;
    }
}
