using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Llt.Hotpath.Memory;

/// <summary>
/// Software prefetch of an array element's cache line into every cache level. Meant for tables filled in a known
/// order: the id indexes put sequential client order ids in consecutive buckets, so the line the next ids will use
/// is known one insert ahead, and a table larger than the caches would otherwise miss on every new line.
/// </summary>
public static class CacheLinePrefetch
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Element<T>(T[] array, int index)
        where T : unmanaged
    {
        // A hint only: prefetch never faults, and the address is used at once (no safepoint between taking it and
        // the prefetch), so an element of a movable array is fine. Callers keep the index in range.
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), (nint)(uint)index)));
        }
    }
}
