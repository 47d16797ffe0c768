using Llt.Hotpath.Feeds.Iex;

namespace Llt.Hotpath.Feeds.Publishing;

/// <summary>The engine's instruments by IEX symbol (8 bytes, compared as one integer); built once, lookups do not allocate.</summary>
public sealed class IexInstrumentMap
{
    private readonly Dictionary<ulong, int> _bySymbol = [];

    /// <param name="symbols">Symbol of instrument i at index i (the engine's dense ids).</param>
    public IexInstrumentMap(IReadOnlyList<string> symbols)
    {
        for (int i = 0; i < symbols.Count; i++)
        {
            if (symbols[i].Length is >= 1 and <= IexSymbol.Length)
            {
                _bySymbol[IexSymbol.From(symbols[i]).Key] = i;
            }
        }
    }

    public int Count => _bySymbol.Count;

    public bool TryGetInstrument(IexSymbol symbol, out int instrumentId) => _bySymbol.TryGetValue(symbol.Key, out instrumentId);
}
