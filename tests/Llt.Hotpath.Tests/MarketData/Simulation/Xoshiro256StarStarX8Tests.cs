using Llt.Hotpath.MarketData.Simulation;

namespace Llt.Hotpath.Tests.MarketData.Simulation;

public sealed class Xoshiro256StarStarX8Tests
{
    [Fact]
    public void Fill_InterleavesTheEightLanes_EachTheScalarGenerator()
    {
        var seeder = new SplitMix64(77);
        var block = new Xoshiro256StarStarX8(ref seeder);
        var lanes = new Xoshiro256StarStar[Xoshiro256StarStarX8.Lanes];
        for (int lane = 0; lane < lanes.Length; lane++)
        {
            lanes[lane] = block.Lane(lane);
        }

        var output = new ulong[8 * 100];
        for (int round = 0; round < 3; round++)
        {
            block.Fill(output);
            for (int i = 0; i < output.Length; i++)
            {
                Assert.Equal(lanes[i % 8].NextUInt64(), output[i]);
            }
        }
    }

    [Fact]
    public void FillScalar_GivesTheSameStreamAsFill()
    {
        var seederA = new SplitMix64(5);
        var seederB = new SplitMix64(5);
        var vector = new Xoshiro256StarStarX8(ref seederA);
        var scalar = new Xoshiro256StarStarX8(ref seederB);
        var a = new ulong[704];
        var b = new ulong[704];
        for (int round = 0; round < 4; round++)
        {
            vector.Fill(a);
            scalar.FillScalar(b);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void Fill_RejectsALengthThatIsNotAMultipleOfEight()
    {
        var seeder = new SplitMix64(1);
        var block = new Xoshiro256StarStarX8(ref seeder);
        Assert.Throws<ArgumentException>(() => block.Fill(new ulong[12]));
    }
}
