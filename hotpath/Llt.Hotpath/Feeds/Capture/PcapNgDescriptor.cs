namespace Llt.Hotpath.Feeds.Capture;

/// <summary>
/// pcapng (IETF draft-ietf-opsawg-pcapng) block layouts. Every block is
/// <code>
///   0            4                  8                        len-4         len
///   +------------+------------------+------ body ------------+-------------+
///   | block type | block total len  | fields, padded to 4... | total len   |
///   +------------+------------------+------------------------+-------------+
/// </code>
/// in the byte order of its section, which the section header block's byte-order magic reveals (its block type
/// reads the same both ways). Options are (code u16, length u16, value padded to 4), ended by code 0.
/// <code>
/// SHB  8 byte-order magic | 12 major u16 | 14 minor u16 | 16 section length i64 | 24 options
/// IDB  8 link type u16 | 10 reserved | 12 snaplen u32 | 16 options (if_tsresol = 9, if_tsoffset = 14)
/// EPB  8 interface id | 12 ts high | 16 ts low | 20 captured len | 24 original len | 28 data (padded) | options
/// SPB  8 original len | 12 data (captured = min(original, snaplen of interface 0, block room))
/// PB   8 interface id u16 | 10 drops u16 | 12 ts high | 16 ts low | 20 captured len | 24 original len | 28 data (obsolete)
/// </code>
/// </summary>
public static class PcapNgDescriptor
{
    public const uint SectionHeaderBlockType = 0x0A0D0D0A;
    public const uint InterfaceDescriptionBlockType = 0x00000001;
    public const uint ObsoletePacketBlockType = 0x00000002;
    public const uint SimplePacketBlockType = 0x00000003;
    public const uint EnhancedPacketBlockType = 0x00000006;

    /// <summary>Byte-order magic as read little-endian from a little-endian section.</summary>
    public const uint ByteOrderMagic = 0x1A2B3C4D;

    /// <summary><see cref="ByteOrderMagic"/> read little-endian from a big-endian section.</summary>
    public const uint ByteOrderMagicSwapped = 0x4D3C2B1A;

    public const int BlockTypeOffset = 0;
    public const int BlockTotalLengthOffset = 4;
    public const int BlockBodyOffset = 8;

    /// <summary>Type, leading length and trailing length: the smallest possible block.</summary>
    public const int BlockOverhead = 12;

    public const int BlockAlignment = 4;

    public const int ByteOrderMagicOffset = 8;
    public const int SectionVersionMajorOffset = 12;
    public const int SectionVersionMinorOffset = 14;
    public const int SectionLengthOffset = 16;
    public const int SectionHeaderMinLength = 28;

    public const int InterfaceLinkTypeOffset = 8;
    public const int InterfaceSnapLengthOffset = 12;
    public const int InterfaceOptionsOffset = 16;
    public const int InterfaceDescriptionMinLength = 20;

    public const int EnhancedInterfaceIdOffset = 8;
    public const int EnhancedTimestampHighOffset = 12;
    public const int EnhancedTimestampLowOffset = 16;
    public const int EnhancedCapturedLengthOffset = 20;
    public const int EnhancedOriginalLengthOffset = 24;
    public const int EnhancedDataOffset = 28;
    public const int EnhancedPacketMinLength = 32;

    public const int SimpleOriginalLengthOffset = 8;
    public const int SimpleDataOffset = 12;
    public const int SimplePacketMinLength = 16;

    public const int ObsoleteInterfaceIdOffset = 8;
    public const int ObsoleteTimestampHighOffset = 12;
    public const int ObsoleteTimestampLowOffset = 16;
    public const int ObsoleteCapturedLengthOffset = 20;
    public const int ObsoleteDataOffset = 28;
    public const int ObsoletePacketMinLength = 32;

    public const int OptionHeaderLength = 4;
    public const ushort OptionEndOfOptions = 0;

    /// <summary>if_tsresol: one byte; high bit clear = 10^-n seconds per tick, set = 2^-n.</summary>
    public const ushort OptionTimestampResolution = 9;

    /// <summary>if_tsoffset: signed 64-bit seconds added to every timestamp of the interface.</summary>
    public const ushort OptionTimestampOffset = 14;

    /// <summary>Microseconds: the resolution when an interface has no if_tsresol option.</summary>
    public const byte DefaultTimestampResolution = 6;

    public const byte TimestampResolutionBinaryFlag = 0x80;
}
