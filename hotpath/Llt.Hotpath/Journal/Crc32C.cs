using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Llt.Hotpath.Journal;

/// <summary>
/// CRC32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of journal frames. Uses the SSE4.2
/// <c>crc32</c> instruction when the CPU has it and a slicing-by-8 table otherwise; both give identical
/// results. Incremental use: <c>state = InitialState; state = Update(state, a); ...; crc = Finish(state)</c>.
/// </summary>
/// <example><c>Crc32C.Compute("123456789"u8) == 0xE3069283</c></example>
public static class Crc32C
{
    public const uint InitialState = 0xFFFFFFFF;

    private const uint ReflectedPolynomial = 0x82F63B78;

    // 8 tables of 256 entries for slicing-by-8, built once at type initialisation (never on the hot path).
    private static readonly uint[] s_table = BuildTable();

    public static bool IsHardwareAccelerated => Sse42.X64.IsSupported;

    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Update(InitialState, data));

    public static uint ComputeSoftware(ReadOnlySpan<byte> data) => Finish(UpdateSoftware(InitialState, data));

    /// <summary>Hardware path only; the caller checks <see cref="IsHardwareAccelerated"/>.</summary>
    public static uint ComputeHardware(ReadOnlySpan<byte> data)
    {
        if (!Sse42.X64.IsSupported)
        {
            JournalThrowHelper.ThrowPlatformNotSupported("SSE4.2 crc32 is not available on this CPU");
        }

        return Finish(UpdateHardware(InitialState, data));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Finish(uint state) => ~state;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Update(uint state, ReadOnlySpan<byte> data) =>
        Sse42.X64.IsSupported ? UpdateHardware(state, data) : UpdateSoftware(state, data);

    /// <summary>Feeds the four little-endian bytes of <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Update(uint state, int value)
    {
        if (Sse42.IsSupported)
        {
            return Sse42.Crc32(state, (uint)value);
        }

        Span<byte> bytes = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return UpdateSoftware(state, bytes);
    }

    public static uint UpdateHardware(uint state, ReadOnlySpan<byte> data)
    {
        ref byte start = ref MemoryMarshal.GetReference(data);
        int length = data.Length;
        int i = 0;
        ulong crc = state;
        for (; i + sizeof(ulong) <= length; i += sizeof(ulong))
        {
            crc = Sse42.X64.Crc32(crc, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i)));
        }

        // the last 0-7 bytes as at most one 4-, one 2- and one 1-byte step (one dependent crc32 each, not one per byte)
        uint crc32 = (uint)crc;
        if ((length & sizeof(uint)) != 0)
        {
            crc32 = Sse42.Crc32(crc32, Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, i)));
            i += sizeof(uint);
        }

        if ((length & sizeof(ushort)) != 0)
        {
            crc32 = Sse42.Crc32(crc32, Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, i)));
            i += sizeof(ushort);
        }

        if ((length & 1) != 0)
        {
            crc32 = Sse42.Crc32(crc32, Unsafe.Add(ref start, i));
        }

        return crc32;
    }

    public static uint UpdateSoftware(uint state, ReadOnlySpan<byte> data)
    {
        uint[] table = s_table;
        uint crc = state;
        int i = 0;
        for (; i + sizeof(ulong) <= data.Length; i += sizeof(ulong))
        {
            uint low = crc ^ BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i));
            uint high = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i + sizeof(uint)));
            crc = table[(7 * 256) + (low & 0xFF)]
                ^ table[(6 * 256) + ((low >> 8) & 0xFF)]
                ^ table[(5 * 256) + ((low >> 16) & 0xFF)]
                ^ table[(4 * 256) + (low >> 24)]
                ^ table[(3 * 256) + (high & 0xFF)]
                ^ table[(2 * 256) + ((high >> 8) & 0xFF)]
                ^ table[256 + ((high >> 16) & 0xFF)]
                ^ table[high >> 24];
        }

        for (; i < data.Length; i++)
        {
            crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint crc = n;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ ReflectedPolynomial : crc >> 1;
            }

            table[n] = crc;
        }

        for (int slice = 1; slice < 8; slice++)
        {
            for (int n = 0; n < 256; n++)
            {
                uint previous = table[((slice - 1) * 256) + n];
                table[(slice * 256) + n] = (previous >> 8) ^ table[previous & 0xFF];
            }
        }

        return table;
    }
}
