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

    [Fact]
    public void SequentialIds_WithLongLivedOnes_ChurnedOverManyLapsOfTheTable_MatchADictionary()
    {
        // the trader's pattern: ids from ClientOrderIds (startMs * 2^20 + n) mostly close at once, a few rest for
        // long; ids lap the 128-bucket table thousands of times and land on buckets resting ids still hold
        var index = new ClOrdIdIndex(64);
        var model = new Dictionary<long, int>();
        var resting = new Queue<long>();
        var random = new Random(5);
        long next = 1_732_000_000_000L << 20;
        for (int i = 0; i < 300_000; i++)
        {
            long id = next++;
            Assert.False(index.TryGetValue(id, out _));
            Assert.True(index.TryAdd(id, i));
            model[id] = i;
            if (random.Next(10) == 0 && resting.Count < 40)
            {
                resting.Enqueue(id);
            }
            else
            {
                Assert.True(index.Remove(id));
                model.Remove(id);
            }

            if (resting.Count == 40 || (resting.Count > 0 && random.Next(20) == 0))
            {
                long old = resting.Dequeue();
                Assert.True(index.TryGetValue(old, out int value));
                Assert.Equal(model[old], value);
                Assert.True(index.Remove(old));
                model.Remove(old);
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
    public void AKeyBelowTheHighestEverAdded_IsStillFoundAndRefusedAsADuplicate()
    {
        var index = new ClOrdIdIndex(8);
        Assert.True(index.TryAdd(1_000, 1));
        Assert.True(index.TryAdd(7, 2));
        Assert.True(index.Remove(1_000));
        Assert.True(index.TryGetValue(7, out int value));
        Assert.Equal(2, value);
        Assert.False(index.TryAdd(7, 3));
        Assert.True(index.TryAdd(1_000, 4));
        Assert.False(index.TryAdd(1_000, 5));
    }
}
