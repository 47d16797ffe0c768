using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Llt.Codecs.Runtime;

/// <summary>Throws for generated codecs, kept out of line so accessors stay small enough to inline.</summary>
public static class SbeThrowHelper
{
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowDecode(SbeError error) => throw new SbeDecodeException(error);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowIndexOutOfRange(int index, int length)
    {
        throw new ArgumentOutOfRangeException(nameof(index), index, "index must be in [0, " + length + ")");
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowCapacityExceeded(int limit, int capacity)
    {
        throw new ArgumentOutOfRangeException(nameof(limit), limit, "message would end at " + limit + ", past the buffer's " + capacity + " bytes");
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowValueTooLong(int length, int maxLength)
    {
        throw new ArgumentException("value of " + length + " bytes exceeds the field's " + maxLength + " bytes");
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowCountOutOfRange(int count, long maxCount)
    {
        throw new ArgumentOutOfRangeException(nameof(count), count, "group count must be in [0, " + maxCount + "]");
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowNoMoreEntries(int count)
    {
        throw new InvalidOperationException("group has no entry after the last of its " + count);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowPastEnd(int offset, int length, int capacity)
    {
        throw new SbeDecodeException("SBE read of " + length + " bytes at offset " + offset + " passes the buffer's " + capacity + " bytes");
    }
}
