using System.Buffers.Binary;
using System.Text;

namespace Llt.Benchmarks.Feeds;

/// <summary>
/// An in-memory ITCH 5.0 day in miniature, length-prefixed as NASDAQ distributes it: a Stock Directory entry per
/// stock, then order traffic in roughly the proportions of a real TotalView day (adds ~46 %, deletes ~40 %,
/// replaces ~6 %, executions ~4 %, cancels ~2 %, with-MPID adds, executions with price and non-cross trades
/// making up the rest) over a given number of stocks with up to <see cref="MaxLivePerStock"/> live orders each,
/// and finally a delete of every order still live, so a pass leaves every book empty and the next pass starts
/// from the same state. Three in four deletes, replaces, executions and cancels hit one of the stock's
/// <see cref="RecentOrders"/> newest orders (most orders on a real book are repriced or pulled moments after they
/// are entered); the fourth picks any live order, so the cold part of each book is touched too.
/// </summary>
internal static class ItchWorkload
{
    public const int MaxLivePerStock = 2_000;

    /// <summary>Order capacity per book (power of two above the live maximum).</summary>
    public const int OrderCapacity = 2_048;

    public const int LevelCapacity = 256;

    /// <summary>Three in four order events pick one of a stock's this many most recent live orders.</summary>
    public const int RecentOrders = 32;

    /// <summary>Exactly <paramref name="totalMessages"/> messages, the closing deletes included.</summary>
    public static byte[] Build(int totalMessages, int stocks)
    {
        var random = new Random(7);
        var stream = new MemoryStream(totalMessages * 40);
        var live = new List<(ulong Ref, char Side, uint Shares, uint Price)>[stocks];
        var mids = new uint[stocks];
        int messageCount = 0;
        int liveTotal = 0;
        long timestamp = 34_200_000_000_000;
        for (int s = 0; s < stocks; s++)
        {
            live[s] = [];
            mids[s] = (uint)(20 + (s * 7)) * 10_000;
            Write(stream, Directory((ushort)(s + 1), $"S{s:D3}", timestamp));
            messageCount++;
        }

        ulong nextRef = 1;
        ulong match = 1;
        // stop when the messages so far plus one closing delete per live order make the total
        while (messageCount + liveTotal < totalMessages)
        {
            bool roomForAdd = messageCount + liveTotal + 2 <= totalMessages;
            timestamp += random.Next(1, 2_000);
            int s = random.Next(stocks);
            ushort locate = (ushort)(s + 1);
            List<(ulong Ref, char Side, uint Shares, uint Price)> orders = live[s];
            int roll = random.Next(1_000);
            if (roomForAdd && (orders.Count < 50 || (roll < 480 && orders.Count < MaxLivePerStock)))
            {
                char side = random.Next(2) == 0 ? 'B' : 'S';
                uint shares = (uint)random.Next(1, 10) * 100;
                uint offset = (uint)random.Next(1, 100) * 100;
                uint price = side == 'B' ? mids[s] - offset : mids[s] + offset;
                ulong orderRef = nextRef++;
                Write(stream, roll % 50 == 0
                    ? AddOrder('F', locate, timestamp, orderRef, side, shares, $"S{s:D3}", price)
                    : AddOrder('A', locate, timestamp, orderRef, side, shares, $"S{s:D3}", price));
                orders.Add((orderRef, side, shares, price));
                liveTotal++;
            }
            else if (orders.Count == 0)
            {
                Write(stream, Trade(locate, timestamp, s, mids[s], match++));
            }
            else
            {
                // most cancels and replaces hit orders entered moments before (quotes being repriced);
                // the rest pick any live order
                int index = random.Next(4) != 0
                    ? orders.Count - 1 - random.Next(Math.Min(RecentOrders, orders.Count))
                    : random.Next(orders.Count);
                (ulong orderRef, char side, uint shares, uint price) = orders[index];
                if (roll < 900)
                {
                    Write(stream, OrderRef('D', 19, locate, timestamp, orderRef));
                    RemoveAt(orders, index);
                    liveTotal--;
                }
                else if (roll < 960)
                {
                    ulong newRef = nextRef++;
                    uint newPrice = side == 'B' ? price - 100 : price + 100;
                    byte[] m = OrderRef('U', 35, locate, timestamp, orderRef);
                    BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(19), newRef);
                    BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(27), shares);
                    BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(31), newPrice);
                    Write(stream, m);
                    orders[index] = (newRef, side, shares, newPrice);
                }
                else if (roll < 985)
                {
                    uint executed = Math.Min(shares, 100);
                    bool withPrice = roll % 5 == 0;
                    byte[] m = OrderRef(withPrice ? 'C' : 'E', withPrice ? 36 : 31, locate, timestamp, orderRef);
                    BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(19), executed);
                    BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(23), match++);
                    if (withPrice)
                    {
                        m[31] = (byte)'Y';
                        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(32), price);
                    }

                    Write(stream, m);
                    liveTotal -= Reduce(orders, index, executed);
                }
                else if (roll < 995)
                {
                    uint cancelled = Math.Min(shares, 100);
                    byte[] m = OrderRef('X', 23, locate, timestamp, orderRef);
                    BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(19), cancelled);
                    Write(stream, m);
                    liveTotal -= Reduce(orders, index, cancelled);
                }
                else
                {
                    Write(stream, Trade(locate, timestamp, s, mids[s], match++));
                }
            }

            messageCount++;
        }

        for (int s = 0; s < stocks; s++)
        {
            foreach ((ulong orderRef, _, _, _) in live[s])
            {
                Write(stream, OrderRef('D', 19, (ushort)(s + 1), timestamp, orderRef));
                messageCount++;
            }
        }

        if (messageCount != totalMessages)
        {
            throw new InvalidOperationException($"built {messageCount} messages, not {totalMessages}");
        }

        return stream.ToArray();
    }

    private static byte[] Trade(ushort locate, long timestamp, int stock, uint price, ulong match)
    {
        byte[] m = Header('P', 44, locate, timestamp);
        m[19] = (byte)'B';
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(20), 100);
        Encoding.ASCII.GetBytes($"S{stock:D3}".PadRight(8), m.AsSpan(24, 8));
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(32), price);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(36), match);
        return m;
    }

    /// <summary>Takes <paramref name="shares"/> off an order; 1 when that removed it.</summary>
    private static int Reduce(List<(ulong Ref, char Side, uint Shares, uint Price)> orders, int index, uint shares)
    {
        (ulong orderRef, char side, uint remaining, uint price) = orders[index];
        if (shares == remaining)
        {
            RemoveAt(orders, index);
            return 1;
        }

        orders[index] = (orderRef, side, remaining - shares, price);
        return 0;
    }

    /// <summary>Keeps entry order, so the end of the list stays the most recent orders.</summary>
    private static void RemoveAt<T>(List<T> list, int index) => list.RemoveAt(index);

    private static byte[] Directory(ushort locate, string symbol, long timestamp)
    {
        byte[] m = Header('R', 39, locate, timestamp);
        Encoding.ASCII.GetBytes(symbol.PadRight(8), m.AsSpan(11, 8));
        return m;
    }

    private static byte[] AddOrder(char type, ushort locate, long timestamp, ulong orderRef, char side, uint shares, string symbol, uint price)
    {
        byte[] m = OrderRef(type, type == 'F' ? 40 : 36, locate, timestamp, orderRef);
        m[19] = (byte)side;
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(20), shares);
        Encoding.ASCII.GetBytes(symbol.PadRight(8), m.AsSpan(24, 8));
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(32), price);
        return m;
    }

    private static byte[] OrderRef(char type, int length, ushort locate, long timestamp, ulong orderRef)
    {
        byte[] m = Header(type, length, locate, timestamp);
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(11), orderRef);
        return m;
    }

    private static byte[] Header(char type, int length, ushort locate, long timestamp)
    {
        var m = new byte[length];
        m[0] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(1), locate);
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(5), (ushort)(timestamp >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(7), (uint)timestamp);
        return m;
    }

    private static void Write(MemoryStream stream, byte[] message)
    {
        Span<byte> prefix = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)message.Length);
        stream.Write(prefix);
        stream.Write(message);
    }
}
