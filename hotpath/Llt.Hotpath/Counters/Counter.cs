using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Counters;

/// <summary>
/// Handle to one 64-bit counter in a counters file, from <see cref="CountersManager.AllocateCounter"/>.
/// Single writer: exactly one thread calls the mutators; any thread or process may read. A copy of the handle
/// points at the same value. Invalid after the counter is freed or its manager disposed.
/// </summary>
public readonly unsafe struct Counter
{
    private readonly long* _value;

    internal Counter(long* value, int id)
    {
        _value = value;
        Id = id;
    }

    /// <summary>Slot of the counter in the file: its metadata and value index.</summary>
    public int Id { get; }

    /// <summary>False for <c>default(Counter)</c>.</summary>
    public bool IsValid => _value != null;

    // Every store below is a release store. The single writer needs no lock prefix: a plain read, add and
    // store cannot lose updates when no other thread writes the line. Release (a plain mov on x64, stlr on
    // arm64) keeps the JIT from caching the value in a register or sinking the store out of a loop, so
    // readers in other processes see each update, and an aligned int64 store is never torn.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Increment()
    {
        Volatile.Write(ref *_value, *_value + 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long delta)
    {
        Volatile.Write(ref *_value, *_value + delta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(long value)
    {
        Volatile.Write(ref *_value, value);
    }

    /// <summary>Acquire load: safe from any thread.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Get()
    {
        return Volatile.Read(ref *_value);
    }
}
