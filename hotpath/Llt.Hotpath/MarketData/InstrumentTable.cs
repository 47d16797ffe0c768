using System.Runtime.CompilerServices;
using Llt.Hotpath.Config;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.MarketData;

/// <summary>
/// Dense array of <see cref="InstrumentState"/> in 64-byte-aligned, zeroed, pre-touched unmanaged memory,
/// indexed by instrument id (the instrument's position in the config). Symbol lookup is for the edges
/// (config, CLI, adapters); the hot path only ever indexes by id.
/// </summary>
public sealed unsafe class InstrumentTable : IDisposable
{
    private readonly AlignedMemory _memory;
    private readonly InstrumentState* _states;
    private readonly string[] _symbols;
    private readonly Dictionary<string, int> _ids;

    public InstrumentTable(IReadOnlyList<InstrumentConfig> instruments)
    {
        Count = instruments.Count;
        _memory = AlignedMemory.Allocate(Math.Max(1, Count) * (long)sizeof(InstrumentState));
        _states = (InstrumentState*)_memory.Pointer;
        _symbols = new string[Count];
        _ids = new Dictionary<string, int>(Count, StringComparer.Ordinal);
        for (int i = 0; i < Count; i++)
        {
            InstrumentConfig config = instruments[i];
            _symbols[i] = config.Symbol;
            _ids[config.Symbol] = i;
            ref InstrumentState state = ref _states[i];
            state.TickSize = config.TickSize;
            state.LotSize = config.LotSize;
        }
    }

    public int Count { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int instrumentId) => (uint)instrumentId < (uint)Count;

    /// <summary>The state of <paramref name="instrumentId"/>; callers check <see cref="Contains"/> at the edge.</summary>
    public ref InstrumentState this[int instrumentId]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _states[instrumentId];
    }

    public string Symbol(int instrumentId) => _symbols[instrumentId];

    public bool TryGetId(string symbol, out int instrumentId) => _ids.TryGetValue(symbol, out instrumentId);

    public void Dispose() => _memory.Dispose();
}
