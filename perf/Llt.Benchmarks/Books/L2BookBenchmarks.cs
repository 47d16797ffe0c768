using BenchmarkDotNet.Attributes;
using Llt.Hotpath.MarketData.Books;
using Llt.Sbe;

namespace Llt.Benchmarks.Books;

/// <summary>
/// L2 book update and query cost: depth 20, 16 levels per side (so inserts never drop a level), 1-cent
/// levels around 100.00. Each invocation runs <see cref="OperationsPerInvoke"/> operations (pairs count as
/// two); results are per operation.
/// <list type="bullet">
/// <item>TopOfBookSizeChange: size change at the best bid (the most common update).</item>
/// <item>MidBookInsertDelete: a new level at depth 8 then its delete, so the memmove of the 8 levels below
/// is in the figure.</item>
/// <item>NewBestInsertDelete: a new best bid inside the spread then its delete (all 16 levels move).</item>
/// <item>BboQuery: best bid/ask price and size, spread and mid together.</item>
/// </list>
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*L2BookBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class L2BookBenchmarks
{
    public const int OperationsPerInvoke = 1024;
    private const int Depth = 20;
    private const int Levels = 16;
    private const long Tick = 1_000_000;
    private const long Centre = 10_000_000_000;

    private L2Book? _book;

    [GlobalSetup]
    public void Setup()
    {
        _book = new L2Book(Depth);
        for (int i = 0; i < Levels; i++)
        {
            // bids on even ticks below, asks on even ticks above: odd ticks are free for mid-book inserts
            _book.ApplyLevel(Side.Buy, Centre - (2 * i + 2) * Tick, 100 + i, 3);
            _book.ApplyLevel(Side.Sell, Centre + (2 * i + 2) * Tick, 100 + i, 3);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _book?.Dispose();

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public long TopOfBookSizeChange()
    {
        L2Book book = _book!;
        long bestBid = Centre - 2 * Tick;
        long total = 0;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            total += (long)book.ApplyLevel(Side.Buy, bestBid, 100 + (i & 63), 3);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = 2 * OperationsPerInvoke)]
    public long MidBookInsertDelete()
    {
        L2Book book = _book!;
        // odd tick 17 sits between ask levels 8 and 9 (ticks 16 and 18): 8 levels move down, then back up
        long price = Centre + 17 * Tick;
        long total = 0;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            total += (long)book.ApplyLevel(Side.Sell, price, 50, 1);
            total += (long)book.ApplyLevel(Side.Sell, price, 0);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = 2 * OperationsPerInvoke)]
    public long NewBestInsertDelete()
    {
        L2Book book = _book!;
        // a new best bid inside the spread: every level moves down, then back up
        long price = Centre - Tick;
        long total = 0;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            total += (long)book.ApplyLevel(Side.Buy, price, 50, 1);
            total += (long)book.ApplyLevel(Side.Buy, price, 0);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public long BboQuery()
    {
        L2Book book = _book!;
        long total = 0;
        for (int i = 0; i < OperationsPerInvoke; i++)
        {
            total += book.BestBidPrice + book.BestBidSize + book.BestAskPrice + book.BestAskSize + book.Spread + book.Mid;
        }

        return total;
    }
}
