using System.Numerics;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Ipc;

/// <summary>
/// The layout of a ring buffer: a power-of-two data region followed by a 768-byte trailer, identical to
/// Agrona's <c>RingBufferDescriptor</c> so a Java/C/Python peer can share the memory. All offsets below are
/// relative to the start of the trailer, i.e. absolute offset = capacity + offset.
/// <code>
///   0                                                         capacity
///   +-----------------------------------------------------------+
///   |  data region: records (see RecordDescriptor), 8-aligned   |
///   +-----------------------------------------------------------+ trailer
///   | +0    llt extension (Agrona: padding, ignored by peers)    |  magic int64 | version int32 | capacity int32
///   |       magic, layout version, capacity, corrupt-record count|  corruptRecordCount int64 @+16, rest zero
///   | +128  tail position          int64  (producers)            |
///   | +256  head cache position    int64  (producers)            |
///   | +384  head position          int64  (consumer)             |
///   | +512  correlation counter    int64  (any, atomic add)      |
///   | +640  consumer heartbeat ms  int64  (consumer)             |
///   | +768  end of trailer                                       |
///   +-----------------------------------------------------------+
/// </code>
/// Each hot field owns two cache lines (128 bytes) so adjacent-line prefetch never pairs a producer's line
/// with the consumer's: false sharing is prevented by the layout itself.
/// </summary>
public static class RingBufferDescriptor
{
    /// <summary>Cache line size the layout is built from (x86-64).</summary>
    public const int CacheLineLength = 64;

    /// <summary>Two cache lines: the spacing between hot trailer fields (defeats adjacent-line prefetch).</summary>
    public const int FieldStride = 2 * CacheLineLength;

    /// <summary>llt extension: magic, version, capacity, corrupt-record count. Agrona treats it as padding.</summary>
    public const int LltExtensionOffset = 0;

    public const int TailPositionOffset = 1 * FieldStride;

    public const int HeadCachePositionOffset = 2 * FieldStride;

    public const int HeadPositionOffset = 3 * FieldStride;

    public const int CorrelationCounterOffset = 4 * FieldStride;

    public const int ConsumerHeartbeatOffset = 5 * FieldStride;

    /// <summary>Total length of the trailer that follows the data region (768 bytes).</summary>
    public const int TrailerLength = 6 * FieldStride;

    /// <summary>llt extension: ASCII "LLT-RING" read as a little-endian int64, at trailer +0.</summary>
    public const long Magic = 0x474E49522D544C4CL;

    public const int MagicOffset = LltExtensionOffset;

    /// <summary>llt extension: layout version (int32) at trailer +8.</summary>
    public const int LayoutVersionOffset = LltExtensionOffset + 8;

    /// <summary>llt extension: data-region capacity (int32) at trailer +12, must equal file length - 768.</summary>
    public const int CapacityOffset = LltExtensionOffset + 12;

    /// <summary>llt extension: records the consumer skipped as corrupt (int64, consumer-written) at trailer +16.</summary>
    public const int CorruptRecordCountOffset = LltExtensionOffset + 16;

    public const int LayoutVersion = 1;

    /// <summary>Smallest data region accepted: one cache line (the largest message is capacity / 8).</summary>
    public const int MinCapacity = CacheLineLength;

    /// <summary>Largest data region accepted: 1 GiB, so capacity + trailer stays an int offset.</summary>
    public const int MaxCapacity = 1 << 30;

    /// <summary>Largest payload a ring of <paramref name="capacity"/> accepts (Agrona: capacity / 8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MaxMessageLength(int capacity) => capacity >> 3;

    /// <summary>True when <paramref name="capacity"/> is a power of two in [MinCapacity, MaxCapacity].</summary>
    public static bool IsValidCapacity(long capacity) =>
        capacity >= MinCapacity && capacity <= MaxCapacity && BitOperations.IsPow2(capacity);

    /// <summary>Buffer length (data region + trailer) for a ring of <paramref name="capacity"/>.</summary>
    public static int BufferLength(int capacity) => capacity + TrailerLength;

    /// <summary>Absolute offset of a trailer field in a ring of <paramref name="capacity"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TrailerFieldIndex(int capacity, int fieldOffset) => capacity + fieldOffset;
}
