using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Ipc;

/// <summary>Cold throw sites for the ring types, kept out of line so hot methods stay small and inlinable.</summary>
internal static class RingBufferThrowHelper
{
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowInvalidMsgTypeId(int msgTypeId) =>
        throw new ArgumentOutOfRangeException(nameof(msgTypeId), msgTypeId, "message type id must be >= 1");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowMessageTooLong(int length, int maxMsgLength) =>
        throw new ArgumentOutOfRangeException(nameof(length), length, $"message length must be in [0, {maxMsgLength}]");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowInvalidCapacity(long capacity) =>
        throw new ArgumentException(
            $"ring data region must be a power of two in [{RingBufferDescriptor.MinCapacity}, {RingBufferDescriptor.MaxCapacity}] bytes followed by a {RingBufferDescriptor.TrailerLength}-byte trailer; got capacity {capacity}");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowMisalignedBuffer() =>
        throw new ArgumentException("ring buffer memory must be 8-byte aligned for atomic position updates");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowInvalidClaimIndex(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, "index is not one returned by TryClaim on this ring");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowClaimNotPending(int index) =>
        throw new InvalidOperationException($"the record claimed at index {index} was already committed or aborted");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowRingFileNotFound(string path) =>
        throw new FileNotFoundException($"{path}: no such ring file", path);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowInvalidRingFile(string path, string problem) =>
        throw new InvalidDataException($"{path}: {problem}");
}
