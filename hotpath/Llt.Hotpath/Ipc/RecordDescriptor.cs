using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Ipc;

/// <summary>
/// The record header in a ring's data region (Agrona <c>RecordDescriptor</c>), little-endian:
/// <code>
///   0                   4                   8
///   +-------------------+-------------------+------------------------------+
///   | length int32      | msgTypeId int32   | payload (length - 8 bytes)   | pad to 8
///   +-------------------+-------------------+------------------------------+
/// </code>
/// length counts header + payload (not the alignment pad). length &gt; 0: committed and readable;
/// length &lt; 0: claimed and being written (−length is the record length); 0: nothing there yet.
/// msgTypeId ≥ 1 for messages; −1 marks a padding record (skipped by readers, used at the wrap).
/// </summary>
public static class RecordDescriptor
{
    public const int HeaderLength = 2 * sizeof(int);

    /// <summary>Records start on 8-byte boundaries so the length word can be read and written atomically.</summary>
    public const int Alignment = HeaderLength;

    public const int PaddingMsgTypeId = -1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LengthOffset(int recordOffset) => recordOffset;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TypeOffset(int recordOffset) => recordOffset + sizeof(int);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int EncodedMsgOffset(int recordOffset) => recordOffset + HeaderLength;

    /// <summary>Rounds a record length up to the record alignment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Align(int recordLength) => (recordLength + (Alignment - 1)) & ~(Alignment - 1);
}
