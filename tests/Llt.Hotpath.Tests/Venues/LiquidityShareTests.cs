using Llt.Hotpath.Venues;

namespace Llt.Hotpath.Tests.Venues;

public sealed class LiquidityShareTests
{
    /// <summary>The definition: share × size rounded to nearest on the 32.32 multiplier, in 128-bit arithmetic.</summary>
    private static long Reference(long share, long size)
    {
        if (share == LiquidityShare.Full || size <= 0)
        {
            return size;
        }

        ulong q32 = (ulong)(((UInt128)(ulong)share << 32) / LiquidityShare.Full);
        return (long)((((UInt128)(ulong)size * q32) + (1UL << 31)) >> 32);
    }

    [Theory]
    [InlineData(40_000_000L, 200L, 80L)]
    [InlineData(60_000_000L, 200L, 120L)]
    [InlineData(40_000_000L, 1L, 0L)]      // rounds to nothing: the venue shows nothing
    [InlineData(50_000_000L, 3L, 2L)]      // 1.5 rounds up
    [InlineData(LiquidityShare.Full, 12_345L, 12_345L)]
    [InlineData(40_000_000L, 0L, 0L)]
    [InlineData(40_000_000L, -5L, -5L)]    // not a size: passed through for the caller to refuse
    public void Apply_IsTheShareRoundedToNearest(long share, long size, long expected) =>
        Assert.Equal(expected, new LiquidityShare(share).Apply(size));

    [Fact]
    public void Apply_MatchesThe128BitDefinition_AcrossTheWholeRange()
    {
        long[] shares = [1, 33_333_333, 40_000_000, 60_000_000, 99_999_999];
        long[] edges =
        [
            1, 2, 199, 200, (1L << 31) - 1, 1L << 31, (1L << 31) + 1, (1L << 32) - 1, 1L << 32, (1L << 32) + 1,
            1L << 40, 123_456_789_012_345, (1L << 62) + 12345, long.MaxValue - 1, long.MaxValue,
        ];
        var random = new Random(20261124);
        foreach (long share in shares)
        {
            var liquidity = new LiquidityShare(share);
            foreach (long size in edges)
            {
                Assert.Equal(Reference(share, size), liquidity.Apply(size));
            }

            for (int i = 0; i < 20_000; i++)
            {
                // sizes spread over every magnitude, not just the top bits
                long size = random.NextInt64(1, long.MaxValue) >> random.Next(0, 63);
                Assert.Equal(Reference(share, size), liquidity.Apply(size));
            }
        }
    }
}
