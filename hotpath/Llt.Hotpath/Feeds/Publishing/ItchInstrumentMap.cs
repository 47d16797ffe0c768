using Llt.Hotpath.Feeds.Itch;

namespace Llt.Hotpath.Feeds.Publishing;

/// <summary>
/// The engine's instruments as an <see cref="ItchLocateIndex"/>: registered in instrument-id order, so the index's
/// instrument is the engine's dense id. A symbol ITCH cannot carry (more than 8 characters) still takes its slot,
/// under a value no ITCH stock field can hold, so the ids after it do not shift.
/// </summary>
public static class ItchInstrumentMap
{
    public static ItchLocateIndex For(IReadOnlyList<string> symbols)
    {
        var index = new ItchLocateIndex(Math.Max(1, symbols.Count), addSymbolsOnFirstSight: false);
        for (int i = 0; i < symbols.Count; i++)
        {
            // 0xFF bytes never appear in an ITCH stock field (ASCII, space padded)
            index.Register(symbols[i].Length is >= 1 and <= ItchDescriptor.StockLength
                ? ItchSymbol.From(symbols[i])
                : new ItchSymbol(ulong.MaxValue - (ulong)i));
        }

        return index;
    }
}
