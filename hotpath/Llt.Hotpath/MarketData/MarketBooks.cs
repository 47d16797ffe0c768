using Llt.Hotpath.MarketData.Books;

namespace Llt.Hotpath.MarketData;

/// <summary>
/// The order books of every instrument, allocated at start-up: an L2 price-level book for level feeds and,
/// when enabled, an L3 order-level book for order-by-order feeds (ITCH-style). Indexed by instrument id.
/// </summary>
public sealed class MarketBooks : IDisposable
{
    private readonly L2Book[] _l2;
    private readonly L3Book?[] _l3;

    public MarketBooks(int instrumentCount, int l2Depth, int l3OrderCapacity, int l3LevelCapacity)
    {
        L2Depth = l2Depth;
        _l2 = new L2Book[instrumentCount];
        _l3 = new L3Book?[instrumentCount];
        for (int i = 0; i < instrumentCount; i++)
        {
            _l2[i] = new L2Book(l2Depth);
            _l3[i] = l3OrderCapacity > 0 ? new L3Book(l3OrderCapacity, l3LevelCapacity) : null;
        }
    }

    public int L2Depth { get; }

    public bool HasL3 => _l3.Length > 0 && _l3[0] is not null;

    public L2Book L2(int instrumentId) => _l2[instrumentId];

    /// <summary>The L3 book, or null when order-level books are disabled (<c>engine.l3OrderCapacity</c> 0).</summary>
    public L3Book? L3(int instrumentId) => _l3[instrumentId];

    public void Dispose()
    {
        foreach (L2Book book in _l2)
        {
            book.Dispose();
        }

        foreach (L3Book? book in _l3)
        {
            book?.Dispose();
        }
    }
}
