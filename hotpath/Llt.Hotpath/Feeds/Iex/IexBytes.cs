using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Little-endian field reads at fixed offsets of a span whose length the caller has already checked against
/// the layout (the message views check once when they are wrapped), so the reads carry no bounds checks.
/// </summary>
internal static class IexBytes
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte UInt8(ReadOnlySpan<byte> buffer, int offset)
    {
        Debug.Assert((uint)offset < (uint)buffer.Length, "Invariant: the caller checked the length");
        return Unsafe.Add(ref MemoryMarshal.GetReference(buffer), offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort UInt16(ReadOnlySpan<byte> buffer, int offset)
    {
        Debug.Assert(offset + sizeof(ushort) <= buffer.Length, "Invariant: the caller checked the length");
        ushort value = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(buffer), offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint UInt32(ReadOnlySpan<byte> buffer, int offset)
    {
        Debug.Assert(offset + sizeof(uint) <= buffer.Length, "Invariant: the caller checked the length");
        uint value = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetReference(buffer), offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Int64(ReadOnlySpan<byte> buffer, int offset)
    {
        Debug.Assert(offset + sizeof(long) <= buffer.Length, "Invariant: the caller checked the length");
        long value = Unsafe.ReadUnaligned<long>(ref Unsafe.Add(ref MemoryMarshal.GetReference(buffer), offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    /// <summary>The 8 symbol bytes as one little-endian key (byte 0 in the low bits), the form symbols are compared in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong UInt64(ReadOnlySpan<byte> buffer, int offset)
    {
        Debug.Assert(offset + sizeof(ulong) <= buffer.Length, "Invariant: the caller checked the length");
        ulong value = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(buffer), offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }
}
