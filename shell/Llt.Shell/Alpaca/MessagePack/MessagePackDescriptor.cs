namespace Llt.Shell.Alpaca.MessagePack;

/// <summary>
/// The MessagePack wire format (msgpack.org spec): every value starts with one format byte; multi-byte lengths and
/// numbers that follow it are big-endian.
/// <code>
///   format byte   family            what follows the format byte
///   0x00 - 0x7f   positive fixint   nothing (value = byte)
///   0x80 - 0x8f   fixmap            (byte &amp; 0x0f) key/value pairs
///   0x90 - 0x9f   fixarray          (byte &amp; 0x0f) values
///   0xa0 - 0xbf   fixstr            (byte &amp; 0x1f) bytes of UTF-8
///   0xc0          nil               nothing
///   0xc1          never used        (invalid)
///   0xc2 / 0xc3   false / true      nothing
///   0xc4 - 0xc6   bin 8/16/32       length (1/2/4 bytes), bytes
///   0xc7 - 0xc9   ext 8/16/32       length (1/2/4 bytes), type (int8), bytes
///   0xca / 0xcb   float 32/64       IEEE 754 (4/8 bytes)
///   0xcc - 0xcf   uint 8/16/32/64   value (1/2/4/8 bytes)
///   0xd0 - 0xd3   int 8/16/32/64    value (1/2/4/8 bytes, two's complement)
///   0xd4 - 0xd8   fixext 1/2/4/8/16 type (int8), 1/2/4/8/16 bytes
///   0xd9 - 0xdb   str 8/16/32       length (1/2/4 bytes), bytes of UTF-8
///   0xdc / 0xdd   array 16/32       count (2/4 bytes), values
///   0xde / 0xdf   map 16/32         count (2/4 bytes), key/value pairs
///   0xe0 - 0xff   negative fixint   nothing (value = (sbyte)byte, -32..-1)
/// </code>
/// The timestamp extension (type -1) carries seconds and nanoseconds since the Unix epoch in one of three sizes:
/// <code>
///   timestamp 32 (fixext 4):  seconds uint32
///   timestamp 64 (fixext 8):  nanoseconds uint30 | seconds uint34   (one big-endian uint64, nanoseconds on top)
///   timestamp 96 (ext 8, 12): nanoseconds uint32, seconds int64
/// </code>
/// </summary>
public static class MessagePackDescriptor
{
    public const byte PositiveFixIntMax = 0x7f;
    public const byte FixMapMin = 0x80;
    public const byte FixMapMax = 0x8f;
    public const byte FixArrayMin = 0x90;
    public const byte FixArrayMax = 0x9f;
    public const byte FixStrMin = 0xa0;
    public const byte FixStrMax = 0xbf;
    public const byte Nil = 0xc0;
    public const byte NeverUsed = 0xc1;
    public const byte False = 0xc2;
    public const byte True = 0xc3;
    public const byte Bin8 = 0xc4;
    public const byte Bin16 = 0xc5;
    public const byte Bin32 = 0xc6;
    public const byte Ext8 = 0xc7;
    public const byte Ext16 = 0xc8;
    public const byte Ext32 = 0xc9;
    public const byte Float32 = 0xca;
    public const byte Float64 = 0xcb;
    public const byte UInt8 = 0xcc;
    public const byte UInt16 = 0xcd;
    public const byte UInt32 = 0xce;
    public const byte UInt64 = 0xcf;
    public const byte Int8 = 0xd0;
    public const byte Int16 = 0xd1;
    public const byte Int32 = 0xd2;
    public const byte Int64 = 0xd3;
    public const byte FixExt1 = 0xd4;
    public const byte FixExt2 = 0xd5;
    public const byte FixExt4 = 0xd6;
    public const byte FixExt8 = 0xd7;
    public const byte FixExt16 = 0xd8;
    public const byte Str8 = 0xd9;
    public const byte Str16 = 0xda;
    public const byte Str32 = 0xdb;
    public const byte Array16 = 0xdc;
    public const byte Array32 = 0xdd;
    public const byte Map16 = 0xde;
    public const byte Map32 = 0xdf;
    public const byte NegativeFixIntMin = 0xe0;

    /// <summary>Low bits of a fixmap / fixarray format byte holding the count.</summary>
    public const byte FixCollectionCountMask = 0x0f;

    /// <summary>Low bits of a fixstr format byte holding the length.</summary>
    public const byte FixStrLengthMask = 0x1f;

    /// <summary>The extension type the spec reserves for timestamps.</summary>
    public const sbyte TimestampExtensionType = -1;

    public const int Timestamp32Length = 4;
    public const int Timestamp64Length = 8;
    public const int Timestamp96Length = 12;

    /// <summary>Timestamp 64: seconds are the low 34 bits, nanoseconds the high 30.</summary>
    public const int Timestamp64SecondsBits = 34;
    public const ulong Timestamp64SecondsMask = (1UL << Timestamp64SecondsBits) - 1;

    /// <summary>Timestamp 96: nanoseconds (uint32) come first, then seconds (int64).</summary>
    public const int Timestamp96SecondsOffset = 4;

    public const uint NanosecondsPerSecond = 1_000_000_000;
}
