using System.Runtime.InteropServices;

namespace Llt.Hotpath.Runtime;

/// <summary>
/// A time value one thread updates (typically once per duty cycle, from <see cref="SystemNanoClock"/>) and
/// any number of agents read, so a cycle that handles many events reads the real clock once. The value sits
/// alone on its cache line so the writer does not false-share with neighbouring objects.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 3 * CacheLineSize)]
public sealed class CachedNanoClock : INanoClock
{
    private const int CacheLineSize = 64;

    // Lines 0 and 2 are padding; the value lives on line 1.
    [FieldOffset(CacheLineSize)]
    private long _timeNs;

    public CachedNanoClock(long initialTimeNs = 0)
    {
        _timeNs = initialTimeNs;
    }

    public long NanoTime()
    {
        // acquire: pairs with the release in Update so readers on other threads see a published value.
        return Volatile.Read(ref _timeNs);
    }

    /// <summary>Publishes a new time; single writer.</summary>
    public void Update(long timeNs)
    {
        // release: readers that see this time also see everything the writer did before taking it.
        Volatile.Write(ref _timeNs, timeNs);
    }

    /// <summary>Moves the time forward; single writer.</summary>
    public void Advance(long durationNs)
    {
        Volatile.Write(ref _timeNs, _timeNs + durationNs);
    }
}
