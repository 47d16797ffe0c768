using System.Buffers.Binary;
using Llt.Hotpath.Feeds.Itch;

namespace Llt.Engine;

/// <summary>
/// Encodes the few ITCH 5.0 messages the bench's synthetic NASDAQ feed needs (stock directory, add order, order
/// replace, non-cross trade) into one buffer, from the specification's layouts (<see cref="ItchDescriptor"/>).
/// Engine prices (10^-8) become ITCH Price(4).
/// </summary>
internal sealed class ItchWriter
{
    private readonly List<int> _offsets;
    private byte[] _buffer;
    private int _length;
    private long _timestamp;

    public ItchWriter(int capacity)
    {
        _offsets = new List<int>(capacity + 1) { 0 };
        _buffer = new byte[Math.Max(1024, capacity * 36)];
    }

    public int Count => _offsets.Count - 1;

    public void Directory(ushort locate, string symbol)
    {
        Span<byte> m = Next(ItchDescriptor.StockDirectory.Type, ItchDescriptor.StockDirectory.Length, locate);
        Stock(m[ItchDescriptor.StockDirectory.StockOffset..], symbol);
        m[ItchDescriptor.StockDirectory.MarketCategoryOffset] = (byte)'Q';
        BinaryPrimitives.WriteUInt32BigEndian(m[ItchDescriptor.StockDirectory.RoundLotSizeOffset..], 100);
    }

    /// <summary>Adds the order (no resting one yet) or replaces the resting one; returns the id now resting.</summary>
    public long AddOrReplace(ushort locate, string symbol, long resting, long newId, char side, long size, long price)
    {
        uint shares = (uint)Math.Clamp(size, 1, uint.MaxValue);
        uint price4 = (uint)(price / ItchDescriptor.Price4Scale);
        if (resting == 0)
        {
            Span<byte> add = Next(ItchDescriptor.AddOrder.Type, ItchDescriptor.AddOrder.Length, locate);
            BinaryPrimitives.WriteUInt64BigEndian(add[ItchDescriptor.AddOrder.OrderReferenceNumberOffset..], (ulong)newId);
            add[ItchDescriptor.AddOrder.BuySellIndicatorOffset] = (byte)side;
            BinaryPrimitives.WriteUInt32BigEndian(add[ItchDescriptor.AddOrder.SharesOffset..], shares);
            Stock(add[ItchDescriptor.AddOrder.StockOffset..], symbol);
            BinaryPrimitives.WriteUInt32BigEndian(add[ItchDescriptor.AddOrder.PriceOffset..], price4);
            return newId;
        }

        Span<byte> replace = Next(ItchDescriptor.OrderReplace.Type, ItchDescriptor.OrderReplace.Length, locate);
        BinaryPrimitives.WriteUInt64BigEndian(replace[ItchDescriptor.OrderReplace.OriginalOrderReferenceNumberOffset..], (ulong)resting);
        BinaryPrimitives.WriteUInt64BigEndian(replace[ItchDescriptor.OrderReplace.NewOrderReferenceNumberOffset..], (ulong)newId);
        BinaryPrimitives.WriteUInt32BigEndian(replace[ItchDescriptor.OrderReplace.SharesOffset..], shares);
        BinaryPrimitives.WriteUInt32BigEndian(replace[ItchDescriptor.OrderReplace.PriceOffset..], price4);
        return newId;
    }

    public void Trade(ushort locate, string symbol, long size, long price)
    {
        Span<byte> m = Next(ItchDescriptor.Trade.Type, ItchDescriptor.Trade.Length, locate);
        m[ItchDescriptor.Trade.BuySellIndicatorOffset] = (byte)'B';
        BinaryPrimitives.WriteUInt32BigEndian(m[ItchDescriptor.Trade.SharesOffset..], (uint)Math.Clamp(size, 1, uint.MaxValue));
        Stock(m[ItchDescriptor.Trade.StockOffset..], symbol);
        BinaryPrimitives.WriteUInt32BigEndian(m[ItchDescriptor.Trade.PriceOffset..], (uint)(price / ItchDescriptor.Price4Scale));
        BinaryPrimitives.WriteUInt64BigEndian(m[ItchDescriptor.Trade.MatchNumberOffset..], (ulong)Count);
    }

    public (byte[] Messages, int[] Offsets) ToArrays() => (_buffer, [.. _offsets]);

    private Span<byte> Next(byte type, int length, ushort locate)
    {
        if (_length + length > _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        Span<byte> m = _buffer.AsSpan(_length, length);
        m.Clear();
        m[0] = type;
        BinaryPrimitives.WriteUInt16BigEndian(m[ItchDescriptor.StockLocateOffset..], locate);
        _timestamp += 1_000;
        BinaryPrimitives.WriteUInt16BigEndian(m[ItchDescriptor.TimestampOffset..], (ushort)(_timestamp >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(m[(ItchDescriptor.TimestampOffset + 2)..], (uint)_timestamp);
        _length += length;
        _offsets.Add(_length);
        return m;
    }

    private static void Stock(Span<byte> field, string symbol)
    {
        field[..ItchDescriptor.StockLength].Fill((byte)' ');
        for (int i = 0; i < symbol.Length; i++)
        {
            field[i] = (byte)symbol[i];
        }
    }
}
