using Llt.Hotpath.MarketData.Books;
using Llt.Sbe;

namespace Llt.Benchmarks.Books;

/// <summary>
/// A realistic resting book for the L3 benchmarks: <see cref="RestingPerSide"/> orders per side spread over
/// <see cref="LevelsPerSide"/> 1-cent levels either side of 100.00 (spread one cent), plus a batch of new
/// orders whose prices cluster near the touch as real adds do.
/// </summary>
internal static class L3BookWorkload
{
    public const int OrderCapacity = 1 << 14;
    public const int LevelCapacity = 1024;
    public const int LevelsPerSide = 50;
    public const int RestingPerSide = 2_000;
    public const long Tick = 1_000_000;
    public const long BestBid = 10_000_000_000;
    public const long BestAsk = BestBid + Tick;
    public const long FirstBatchId = 1_000_000;

    public static void AddResting(L3Book book)
    {
        var random = new Random(1);
        for (int i = 0; i < RestingPerSide; i++)
        {
            book.Add(2 * i, Side.Buy, BestBid - random.Next(LevelsPerSide) * Tick, 100);
            book.Add(2 * i + 1, Side.Sell, BestAsk + random.Next(LevelsPerSide) * Tick, 100);
        }
    }

    /// <summary>Batch orders: sides alternate, depth from the touch ~ geometric (half at the touch or next level).</summary>
    public static (Side[] Sides, long[] Prices) Batch(int count, int seed)
    {
        var random = new Random(seed);
        var sides = new Side[count];
        var prices = new long[count];
        for (int i = 0; i < count; i++)
        {
            int depth = Math.Min(LevelsPerSide + 10, (int)(-Math.Log(1.0 - random.NextDouble()) * 3));
            sides[i] = (i & 1) == 0 ? Side.Buy : Side.Sell;
            prices[i] = sides[i] == Side.Buy ? BestBid - depth * Tick : BestAsk + depth * Tick;
        }

        return (sides, prices);
    }

    /// <summary>A permutation of 0..count-1, so deletes do not simply walk the slots in allocation order.</summary>
    public static int[] Shuffled(int count, int seed)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        new Random(seed).Shuffle(order);
        return order;
    }
}
