using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// Big-endian field reads for ITCH 5.0 views. Callers have already checked the message length against the type
/// (<see cref="ItchParser"/> or a view's TryWrap), so the reads skip bounds checks.
/// </summary>
internal static class ItchFieldReader
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Byte(ReadOnlySpan<byte> message, int offset) =>
        Unsafe.Add(ref MemoryMarshal.GetReference(message), offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort UInt16(ReadOnlySpan<byte> message, int offset) =>
        BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(message), offset)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint UInt32(ReadOnlySpan<byte> message, int offset) =>
        BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetReference(message), offset)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong UInt64(ReadOnlySpan<byte> message, int offset) =>
        BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(message), offset)));

    /// <summary>The 6-byte nanoseconds-since-midnight timestamp every message carries at offset 5.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Timestamp(ReadOnlySpan<byte> message)
    {
        ref byte at = ref Unsafe.Add(ref MemoryMarshal.GetReference(message), ItchDescriptor.TimestampOffset);
        ulong high = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ushort>(ref at));
        ulong low = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref at, 2)));
        return (long)((high << 32) | low);
    }
}
