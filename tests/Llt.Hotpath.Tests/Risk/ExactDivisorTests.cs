using Llt.Hotpath.Risk;

namespace Llt.Hotpath.Tests.Risk;

public sealed class ExactDivisorTests
{
    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(3L)]
    [InlineData(10L)]
    [InlineData(1_000_000L)]
    [InlineData(5_000_000L)]
    [InlineData(12_500_000L)]
    [InlineData(4_611_686_018_427_387_904L)]
    [InlineData(long.MaxValue)]
    public void IsMultiple_AgreesWithRemainderOnRandomAndEdgeValues(long divisor)
    {
        var exact = new ExactDivisor(divisor);
        var random = new Random((int)(divisor & 0x7FFFFFFF));
        long[] edges = [0, 1, divisor - 1, divisor, divisor + 1, long.MaxValue, long.MaxValue - (long.MaxValue % divisor)];
        foreach (long x in edges)
        {
            if (x >= 0)
            {
                Assert.Equal(x % divisor == 0, exact.IsMultiple(x));
            }
        }

        for (int i = 0; i < 10_000; i++)
        {
            long x = i % 2 == 0 ? random.NextInt64(0, long.MaxValue) : random.NextInt64(0, 1_000) * divisor;
            if (x < 0)
            {
                continue;
            }

            Assert.Equal(x % divisor == 0, exact.IsMultiple(x));
        }
    }
}
