using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// ITCH stock locate → dense instrument index. Locates are 16-bit codes Nasdaq assigns per day in the Stock
/// Directory ('R'), so the map is a flat 65,536-entry array: one load per message, no hashing. Symbols are
/// registered up front (the engine's instruments, in instrument-id order, so index = instrument id) or, if
/// enabled, as they are first seen; the symbol lookup only runs on directory messages. Nothing allocates after
/// construction.
/// </summary>
public sealed class ItchLocateIndex
{
    /// <summary>No Stock Directory has named this locate yet.</summary>
    public const int Unknown = -1;

    /// <summary>The locate's symbol is known but not tracked (not registered, and adding is off or full).</summary>
    public const int Untracked = -2;

    private const int LocateCount = ushort.MaxValue + 1;

    private readonly int[] _instrumentOfLocate = new int[LocateCount];
    private readonly Dictionary<ulong, int> _instrumentOfSymbol;
    private readonly ItchSymbol[] _symbols;
    private readonly bool _addSymbolsOnFirstSight;
    private int _count;
    private long _symbolOverflows;
    private long _remaps;

    /// <param name="capacity">Instruments that can be tracked.</param>
    /// <param name="addSymbolsOnFirstSight">Track every symbol the directory names (up to capacity), not only registered ones.</param>
    public ItchLocateIndex(int capacity, bool addSymbolsOnFirstSight)
    {
        if (capacity < 1)
        {
            ItchThrowHelper.ThrowArgumentOutOfRange(nameof(capacity), capacity, "capacity must be ≥ 1");
        }

        Capacity = capacity;
        _addSymbolsOnFirstSight = addSymbolsOnFirstSight;
        // sized up front so adding during the session never resizes (allocates)
        _instrumentOfSymbol = new Dictionary<ulong, int>(capacity);
        _symbols = new ItchSymbol[capacity];
        Array.Fill(_instrumentOfLocate, Unknown);
    }

    public int Capacity { get; }

    /// <summary>Instruments tracked (registered or added).</summary>
    public int Count => _count;

    /// <summary>Directory entries for new symbols refused because <see cref="Capacity"/> was reached.</summary>
    public long SymbolOverflows => _symbolOverflows;

    /// <summary>Directory entries that moved a locate to another instrument (a locate reused within the day).</summary>
    public long Remaps => _remaps;

    /// <summary>Instrument of <paramref name="locate"/>, or <see cref="Unknown"/> / <see cref="Untracked"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int InstrumentOf(ushort locate) => _instrumentOfLocate[locate];

    /// <summary>The symbol of a tracked instrument.</summary>
    public ItchSymbol SymbolOf(int instrument) => _symbols[instrument];

    /// <summary>Instrument of <paramref name="symbol"/>, or -1 when it is not tracked.</summary>
    public int Find(ItchSymbol symbol) => _instrumentOfSymbol.TryGetValue(symbol.Value, out int instrument) ? instrument : -1;

    /// <summary>Tracks <paramref name="symbol"/> as the next instrument (or returns its existing index); -1 when full.</summary>
    public int Register(ItchSymbol symbol)
    {
        if (_instrumentOfSymbol.TryGetValue(symbol.Value, out int existing))
        {
            return existing;
        }

        if (_count == Capacity)
        {
            _symbolOverflows++;
            return -1;
        }

        int instrument = _count++;
        _instrumentOfSymbol.Add(symbol.Value, instrument);
        _symbols[instrument] = symbol;
        return instrument;
    }

    /// <summary>
    /// Applies a Stock Directory entry: <paramref name="locate"/> now means <paramref name="symbol"/>. Returns the
    /// instrument, or <see cref="Untracked"/>.
    /// </summary>
    public int OnDirectory(ushort locate, ItchSymbol symbol)
    {
        int instrument = _instrumentOfSymbol.TryGetValue(symbol.Value, out int found) ? found
            : _addSymbolsOnFirstSight ? Register(symbol)
            : -1;
        int mapped = instrument < 0 ? Untracked : instrument;
        int previous = _instrumentOfLocate[locate];
        if (previous >= 0 && previous != mapped)
        {
            _remaps++;
        }

        _instrumentOfLocate[locate] = mapped;
        return mapped;
    }

    /// <summary>Forgets every locate (a new trading day), keeping the tracked symbols and their indexes.</summary>
    public void ClearLocates() => Array.Fill(_instrumentOfLocate, Unknown);
}
