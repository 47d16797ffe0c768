using Llt.Hotpath.Risk;

namespace Llt.Hotpath.Tests.Risk;

public sealed class OpenOrderTableTests
{
    [Fact]
    public void RandomAddsAndRemoves_AgreeWithADictionary()
    {
        var table = new OpenOrderTable(capacity: 64, listCount: 4);
        var reference = new Dictionary<long, int>();
        var random = new Random(1234);
        for (int step = 0; step < 20_000; step++)
        {
            // small key space forces collisions, duplicates and long probe chains
            long clOrdId = random.Next(0, 200) * 1_000_003L;
            if (random.Next(2) == 0)
            {
                int slot = table.Add(clOrdId, 0, 0, true, 1, 1, listKey: (int)(clOrdId % 4));
                bool expectAdded = !reference.ContainsKey(clOrdId) && reference.Count < 64;
                Assert.Equal(expectAdded, slot != OpenOrderTable.None);
                if (expectAdded)
                {
                    reference[clOrdId] = slot;
                }
            }
            else
            {
                int slot = table.Find(clOrdId);
                Assert.Equal(reference.TryGetValue(clOrdId, out int expected) ? expected : OpenOrderTable.None, slot);
                if (slot != OpenOrderTable.None)
                {
                    table.Remove(slot);
                    reference.Remove(clOrdId);
                }
            }

            Assert.Equal(reference.Count, table.Count);
        }

        foreach ((long clOrdId, int slot) in reference)
        {
            Assert.Equal(slot, table.Find(clOrdId));
        }

        int listed = 0;
        for (int list = 0; list < 4; list++)
        {
            for (int s = table.ListHead(list); s != OpenOrderTable.None; s = table.Next(s))
            {
                listed++;
            }
        }

        Assert.Equal(reference.Count, listed);
    }
}
