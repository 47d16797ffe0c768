using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Strategies;

/// <summary>
/// Preallocated slots where strategies leave orders and cancels during one tick's dispatch; the trading
/// loop drains them straight after (risk, OMS, routing) on the same thread, so it is a plain array with a
/// count: no synchronisation, no allocation. Full means a strategy fired more decisions in one tick than
/// the configured capacity: the extra ones are refused and counted, never dropped silently.
/// </summary>
public sealed class OrderIntentBuffer
{
    private readonly OrderIntent[] _slots;
    private int _count;

    public OrderIntentBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _slots = new OrderIntent[capacity];
    }

    public int Count => _count;

    public int Capacity => _slots.Length;

    public long Refused { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAdd(in OrderIntent intent)
    {
        if (_count == _slots.Length)
        {
            Refused++;
            return false;
        }

        _slots[_count++] = intent;
        return true;
    }

    public ref readonly OrderIntent this[int index] => ref _slots[index];

    public void Clear() => _count = 0;
}
