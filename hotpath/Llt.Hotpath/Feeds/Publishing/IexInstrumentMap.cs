using Llt.Hotpath.Feeds.Iex;

namespace Llt.Hotpath.Feeds.Publishing;

/// <summary>
/// The engine's instruments as an <see cref="IexSymbolIndex"/>, added in instrument-id order so the index is the
/// engine's dense id. A symbol IEX cannot carry (more than 8 characters) still takes its slot, under a key no IEX
/// symbol field can hold, so the ids after it do not shift.
/// </summary>
public static class IexInstrumentMap
{
    public static IexSymbolIndex For(IReadOnlyList<string> symbols)
    {
        var index = new IexSymbolIndex(Math.Max(1, symbols.Count));
        for (int i = 0; i < symbols.Count; i++)
        {
            // 0xFF bytes never appear in an IEX symbol field (ASCII)
            index.Add(symbols[i].Length is >= 1 and <= IexSymbol.Length ? IexSymbol.From(symbols[i]).Key : ulong.MaxValue - (ulong)i);
        }

        return index;
    }
}
