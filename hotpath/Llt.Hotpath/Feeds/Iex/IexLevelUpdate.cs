using Llt.Sbe;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// One DEEP price level change as applied to a symbol's book (size 0 = level removed). While
/// <see cref="IsEventComplete"/> is false the book is in transition and its top may be transiently crossed.
/// Ready to become an SBE BookUpdate.
/// </summary>
public readonly struct IexLevelUpdate
{
    public IexLevelUpdate(int bookIndex, IexSymbol symbol, Side side, long price, long size, bool isEventComplete, long timestamp, long receiveTimestampNs)
    {
        BookIndex = bookIndex;
        Symbol = symbol;
        Side = side;
        Price = price;
        Size = size;
        IsEventComplete = isEventComplete;
        Timestamp = timestamp;
        ReceiveTimestampNs = receiveTimestampNs;
    }

    public int BookIndex { get; }

    public IexSymbol Symbol { get; }

    public Side Side { get; }

    public long Price { get; }

    public long Size { get; }

    public bool IsEventComplete { get; }

    public long Timestamp { get; }

    public long ReceiveTimestampNs { get; }
}
