using Llt.Hotpath.MarketData.Simulation;

namespace Llt.Hotpath.Tests.MarketData.Simulation;

public sealed class EventDrawBlockTests
{
    [Fact]
    public void Variates_AreTheZigguratsOwnValuesForTheirBits_RejectionsFinishedInBlockOrder()
    {
        var seeder = new SplitMix64(3);
        var block = new EventDrawBlock(new Xoshiro256StarStarX8(ref seeder));
        var random = new SimulationRandom(9);
        var replay = new SimulationRandom(9);
        int streamsApart = 0;
        for (int round = 0; round < 200; round++)
        {
            block.Refill(ref random);
            ReadOnlySpan<ulong> bits = block.VariateBits;
            ReadOnlySpan<double> variates = block.Variates;
            Assert.Equal(bits.Length, variates.Length);
            // the sampler draws from its own stream only on a rejection, in the same index order as the block
            for (int i = 0; i < bits.Length; i++)
            {
                double expected = (i & 3) >= 2 ? replay.Normal(bits[i]) : replay.StandardExponential(bits[i]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(variates[i]));
            }

            streamsApart += random.NextUInt64() == replay.NextUInt64() ? 0 : 1;
        }

        // the two scalar streams stayed in step: every rejection drew the same numbers
        Assert.Equal(0, streamsApart);
    }

    [Fact]
    public void RefillPortable_GivesTheSameBlockAsRefill()
    {
        var seederA = new SplitMix64(11);
        var seederB = new SplitMix64(11);
        var fast = new EventDrawBlock(new Xoshiro256StarStarX8(ref seederA));
        var portable = new EventDrawBlock(new Xoshiro256StarStarX8(ref seederB));
        var randomA = new SimulationRandom(2);
        var randomB = new SimulationRandom(2);
        for (int round = 0; round < 100; round++)
        {
            fast.Refill(ref randomA);
            portable.RefillPortable(ref randomB);
            Assert.True(fast.Raw.SequenceEqual(portable.Raw));
            Assert.True(fast.VariateBits.SequenceEqual(portable.VariateBits));
            for (int i = 0; i < fast.Variates.Length; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(fast.Variates[i]), BitConverter.DoubleToInt64Bits(portable.Variates[i]));
            }
        }
    }
}
