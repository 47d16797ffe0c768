using Llt.Hotpath.Orders;

namespace Llt.Hotpath.Tests.Orders;

public sealed class ClOrdIdIndexTests
{
    [Fact]
    public void RandomAddRemove_MatchesADictionary()
    {
        var index = new ClOrdIdIndex(64);
        var model = new Dictionary<long, int>();
        var random = new Random(11);
        for (int i = 0; i < 200_000; i++)
        {
            // small key space: many collisions, long probe runs and wrap-around
            long key = random.Next(1, 200);
            if (random.Next(2) == 0)
            {
                bool expected = !model.ContainsKey(key) && model.Count < 64;
                Assert.Equal(expected, index.TryAdd(key, i));
                if (expected)
                {
                    model[key] = i;
                }
            }
            else
            {
                Assert.Equal(model.Remove(key), index.Remove(key));
            }

            Assert.Equal(model.Count, index.Count);
        }

        foreach ((long key, int value) in model)
        {
            Assert.True(index.TryGetValue(key, out int found));
            Assert.Equal(value, found);
        }
    }

    [Fact]
    public void TryAdd_WhenFull_ReturnsFalse()
    {
        var index = new ClOrdIdIndex(2);
        Assert.True(index.TryAdd(1, 0));
        Assert.True(index.TryAdd(2, 0));
        Assert.False(index.TryAdd(3, 0));
        Assert.False(index.TryAdd(1, 0));
    }
}
