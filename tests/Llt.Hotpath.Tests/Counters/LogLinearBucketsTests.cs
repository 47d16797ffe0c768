using Llt.Hotpath.Counters;

namespace Llt.Hotpath.Tests.Counters;

public sealed class LogLinearBucketsTests
{
    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 7)]
    [InlineData(3, 10)]
    [InlineData(4, 14)]
    public void SubBucketBitsFor_GivesSmallestPowerOfTwoAtLeastTenToTheDigits(int digits, int expectedBits)
    {
        Assert.Equal(expectedBits, LogLinearBuckets.SubBucketBitsFor(digits));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void SubBucketBitsFor_OutOfRange_Throws(int digits)
    {
        Assert.Throws<ArgumentException>(() => LogLinearBuckets.SubBucketBitsFor(digits));
    }

    [Fact]
    public void Buckets_TileTheRangeWithoutGapsOrOverlaps()
    {
        var buckets = new LogLinearBuckets(subBucketBits: 3, highestTrackableValue: 1_000_000);

        Assert.Equal(0, buckets.LowestValueAt(0));
        for (int i = 0; i + 1 < buckets.BucketCount; i++)
        {
            Assert.Equal(buckets.HighestValueAt(i) + 1, buckets.LowestValueAt(i + 1));
        }

        Assert.Equal(buckets.BucketCount - 1, buckets.IndexOf(buckets.HighestTrackableValue));
        Assert.True(buckets.HighestValueAt(buckets.BucketCount - 1) >= buckets.HighestTrackableValue);
    }

    [Fact]
    public void IndexOf_MapsEveryValueIntoTheBucketThatCoversIt()
    {
        var buckets = new LogLinearBuckets(subBucketBits: 7, highestTrackableValue: 3_600_000_000_000L);
        var values = new List<long> { 0, 1, 127, 128, 255, 256, 257, buckets.HighestTrackableValue };
        for (int bit = 1; bit < 42; bit++)
        {
            values.Add((1L << bit) - 1);
            values.Add(1L << bit);
            values.Add((1L << bit) + 1);
        }

        foreach (long value in values)
        {
            int index = buckets.IndexOf(value);
            Assert.InRange(index, 0, buckets.BucketCount - 1);
            Assert.InRange(value, buckets.LowestValueAt(index), buckets.HighestValueAt(index));
        }
    }

    [Fact]
    public void Buckets_AreExactBelowTwiceTheSubBucketCountAndRelativelyNarrowAbove()
    {
        var buckets = new LogLinearBuckets(subBucketBits: 4, highestTrackableValue: 1L << 40);

        for (int i = 0; i < 32; i++)
        {
            Assert.Equal(i, buckets.LowestValueAt(i));
            Assert.Equal(i, buckets.HighestValueAt(i));
        }

        for (int i = 32; i < buckets.BucketCount; i++)
        {
            long width = buckets.HighestValueAt(i) - buckets.LowestValueAt(i) + 1;
            Assert.True(width <= buckets.LowestValueAt(i) * buckets.RelativeError, $"bucket {i} is {width} wide at {buckets.LowestValueAt(i)}");
        }
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(15, 1L << 40)]
    [InlineData(4, 31)]
    public void Constructor_InvalidShape_Throws(int bits, long highest)
    {
        Assert.Throws<ArgumentException>(() => new LogLinearBuckets(bits, highest));
    }
}
