using Llt.Hotpath.Feeds.Itch;

namespace Llt.Hotpath.Feeds.Publishing;

/// <summary>
/// The engine's instruments by ITCH stock symbol (8 characters, space padded, compared as one integer), built
/// once at start-up; lookups on directory and trading-action messages do not allocate.
/// </summary>
public sealed class ItchInstrumentMap
{
    private readonly Dictionary<ulong, int> _bySymbol = [];

    /// <param name="symbols">Symbol of instrument i at index i (the engine's dense ids).</param>
    public ItchInstrumentMap(IReadOnlyList<string> symbols)
    {
        for (int i = 0; i < symbols.Count; i++)
        {
            if (symbols[i].Length is >= 1 and <= ItchDescriptor.StockLength)
            {
                _bySymbol[ItchSymbol.From(symbols[i]).Value] = i;
            }
        }
    }

    public int Count => _bySymbol.Count;

    public bool TryGetInstrument(ItchSymbol symbol, out int instrumentId) => _bySymbol.TryGetValue(symbol.Value, out instrumentId);
}
