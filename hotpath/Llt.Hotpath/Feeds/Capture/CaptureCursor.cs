using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Feeds.Capture;

/// <summary>
/// The whole state of reading a capture, as a plain value: where the next record starts, the byte order, the link
/// type(s) and counters. <see cref="CaptureReader"/> pairs it with the file's span for one-shot loops; an agent that
/// must return from <c>DoWork</c> between batches keeps a cursor in a field and passes the (memory-mapped) file's
/// span to each call, as the span cannot live in a class.
/// </summary>
/// <remarks>
/// Nothing here allocates. Records are read in file order; a pcapng section header resets the interfaces (and may
/// change the byte order). A damaged file stops the cursor with <see cref="Error"/> at <see cref="Position"/>;
/// a packet that is not a complete unfragmented IPv4 UDP datagram is skipped and counted, and reading goes on.
/// </remarks>
public struct CaptureCursor
{
    private CaptureInterfaceTable _interfaces;
    private int _interfaceCount;
    private int _position;
    private int _pcapLinkType;
    private int _pcapMaxRecordLength;
    private bool _bigEndian;
    private bool _nanosecond;
    private CaptureFormat _format;
    private CaptureError _error;
    private long _packetsRead;
    private long _datagramsRead;
    private long _skippedPackets;
    private long _incompletePackets;

    public readonly CaptureFormat Format => _format;

    /// <summary><see cref="CaptureError.None"/> while reading can go on (also at the clean end of the file).</summary>
    public readonly CaptureError Error => _error;

    /// <summary>Offset of the next record (or, after an error, of the record that failed).</summary>
    public readonly int Position => _position;

    /// <summary>Packet records read, UDP or not.</summary>
    public readonly long PacketsRead => _packetsRead;

    /// <summary>Datagrams returned by <see cref="TryReadNextUdp"/>.</summary>
    public readonly long DatagramsRead => _datagramsRead;

    /// <summary>Packet records not returned: not IPv4/UDP, fragments, incomplete, malformed, or of an unsupported link.</summary>
    public readonly long SkippedPackets => _skippedPackets;

    /// <summary>Of <see cref="SkippedPackets"/>, those cut short by the capture's snapshot length (the capture lost data).</summary>
    public readonly long IncompletePackets => _incompletePackets;

    /// <summary>Interfaces declared so far in the current pcapng section (0 for classic pcap).</summary>
    public readonly int InterfaceCount => _interfaceCount;

    /// <summary>Link type of the classic pcap file, or of pcapng interface 0.</summary>
    public readonly int LinkType => _format == CaptureFormat.PcapNg ? (_interfaceCount > 0 ? _interfaces[0].LinkType : -1) : _pcapLinkType;

    /// <summary>Detects the format from the file's first bytes and reads its header.</summary>
    public static CaptureCursor Open(ReadOnlySpan<byte> file)
    {
        CaptureCursor cursor = default;
        if (file.Length < sizeof(uint))
        {
            cursor._error = CaptureError.UnknownFormat;
            return cursor;
        }

        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(file);
        switch (magic)
        {
            case PcapDescriptor.MicrosecondMagic:
            case PcapDescriptor.NanosecondMagic:
            case PcapDescriptor.MicrosecondMagicSwapped:
            case PcapDescriptor.NanosecondMagicSwapped:
                cursor.OpenPcap(file, magic);
                break;
            case PcapNgDescriptor.SectionHeaderBlockType:
                cursor._format = CaptureFormat.PcapNg;
                if (file.Length < PcapNgDescriptor.ByteOrderMagicOffset + sizeof(uint))
                {
                    cursor._error = CaptureError.Truncated;
                }
                else
                {
                    uint byteOrder = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(PcapNgDescriptor.ByteOrderMagicOffset));
                    if (byteOrder is not (PcapNgDescriptor.ByteOrderMagic or PcapNgDescriptor.ByteOrderMagicSwapped))
                    {
                        // the SHB type is "\n\r\r\n", which text can start with; without the byte-order magic it is not pcapng
                        cursor._format = CaptureFormat.Unknown;
                        cursor._error = CaptureError.UnknownFormat;
                    }
                }

                break;
            default:
                cursor._error = CaptureError.UnknownFormat;
                break;
        }

        return cursor;
    }

    /// <summary>
    /// The next complete IPv4 UDP datagram of <paramref name="file"/> (the same bytes given to <see cref="Open"/>),
    /// skipping and counting anything else; false at the end of the file or when <see cref="Error"/> is set.
    /// </summary>
    public bool TryReadNextUdp(ReadOnlySpan<byte> file, out UdpDatagram datagram)
    {
        while (_error == CaptureError.None)
        {
            bool read = _format == CaptureFormat.Pcap
                ? TryReadPcapRecord(file, out int linkType, out long timestampNs, out int interfaceId, out ReadOnlySpan<byte> frame)
                : TryReadPcapNgPacket(file, out linkType, out timestampNs, out interfaceId, out frame);
            if (!read)
            {
                break;
            }

            _packetsRead++;
            FrameDecodeResult result = UdpFrameDecoder.Decode(linkType, frame, timestampNs, interfaceId, out datagram);
            if (result == FrameDecodeResult.Udp)
            {
                _datagramsRead++;
                return true;
            }

            _skippedPackets++;
            if (result == FrameDecodeResult.Incomplete)
            {
                _incompletePackets++;
            }
        }

        datagram = default;
        return false;
    }

    private void OpenPcap(ReadOnlySpan<byte> file, uint magic)
    {
        _format = CaptureFormat.Pcap;
        _bigEndian = magic is PcapDescriptor.MicrosecondMagicSwapped or PcapDescriptor.NanosecondMagicSwapped;
        _nanosecond = magic is PcapDescriptor.NanosecondMagic or PcapDescriptor.NanosecondMagicSwapped;
        if (file.Length < PcapDescriptor.GlobalHeaderLength)
        {
            _error = CaptureError.Truncated;
            return;
        }

        _pcapLinkType = (int)(ReadUInt32(file, PcapDescriptor.LinkTypeOffset) & PcapDescriptor.LinkTypeMask);
        uint snapLength = ReadUInt32(file, PcapDescriptor.SnapLengthOffset);
        // writers put 0 or 65535 or 262144 here; a record longer than both the snaplen and libpcap's bound is corrupt
        _pcapMaxRecordLength = (int)Math.Max(Math.Min(snapLength, (uint)int.MaxValue), PcapDescriptor.MaxRecordLength);
        _position = PcapDescriptor.GlobalHeaderLength;
        if (!CaptureLinkType.IsSupported(_pcapLinkType))
        {
            _error = CaptureError.UnsupportedLinkType;
        }
    }

    private bool TryReadPcapRecord(ReadOnlySpan<byte> file, out int linkType, out long timestampNs, out int interfaceId, out ReadOnlySpan<byte> frame)
    {
        linkType = _pcapLinkType;
        interfaceId = 0;
        timestampNs = 0;
        frame = default;
        int remaining = file.Length - _position;
        if (remaining == 0)
        {
            return false;
        }

        if (remaining < PcapDescriptor.RecordHeaderLength)
        {
            _error = CaptureError.Truncated;
            return false;
        }

        ReadOnlySpan<byte> header = file.Slice(_position, PcapDescriptor.RecordHeaderLength);
        uint included = ReadUInt32(header, PcapDescriptor.IncludedLengthOffset);
        if (included > (uint)_pcapMaxRecordLength)
        {
            _error = CaptureError.MalformedRecord;
            return false;
        }

        if (included > (uint)(remaining - PcapDescriptor.RecordHeaderLength))
        {
            _error = CaptureError.Truncated;
            return false;
        }

        timestampNs = CaptureTimestamp.FromPcap(
            ReadUInt32(header, PcapDescriptor.TimestampSecondsOffset),
            ReadUInt32(header, PcapDescriptor.TimestampFractionOffset),
            _nanosecond);
        frame = file.Slice(_position + PcapDescriptor.RecordHeaderLength, (int)included);
        _position += PcapDescriptor.RecordHeaderLength + (int)included;
        return true;
    }

    /// <summary>Walks blocks until a packet block (EPB, SPB, obsolete PB) or the end; other blocks update state or are skipped.</summary>
    private bool TryReadPcapNgPacket(ReadOnlySpan<byte> file, out int linkType, out long timestampNs, out int interfaceId, out ReadOnlySpan<byte> frame)
    {
        linkType = -1;
        timestampNs = 0;
        interfaceId = 0;
        frame = default;
        while (true)
        {
            int remaining = file.Length - _position;
            if (remaining == 0)
            {
                return false;
            }

            if (remaining < PcapNgDescriptor.BlockOverhead)
            {
                _error = CaptureError.Truncated;
                return false;
            }

            ReadOnlySpan<byte> rest = file.Slice(_position);
            uint type = ReadUInt32(rest, PcapNgDescriptor.BlockTypeOffset);
            if (type == PcapNgDescriptor.SectionHeaderBlockType)
            {
                // a new section may switch byte order: take it from this block's magic before reading its length
                uint byteOrder = BinaryPrimitives.ReadUInt32LittleEndian(rest.Slice(PcapNgDescriptor.ByteOrderMagicOffset));
                if (byteOrder is not (PcapNgDescriptor.ByteOrderMagic or PcapNgDescriptor.ByteOrderMagicSwapped))
                {
                    _error = CaptureError.MalformedBlock;
                    return false;
                }

                _bigEndian = byteOrder == PcapNgDescriptor.ByteOrderMagicSwapped;
            }

            uint length = ReadUInt32(rest, PcapNgDescriptor.BlockTotalLengthOffset);
            if (length < PcapNgDescriptor.BlockOverhead || length % PcapNgDescriptor.BlockAlignment != 0)
            {
                _error = CaptureError.MalformedBlock;
                return false;
            }

            if (length > (uint)remaining)
            {
                _error = CaptureError.Truncated;
                return false;
            }

            ReadOnlySpan<byte> block = rest.Slice(0, (int)length);
            if (ReadUInt32(block, (int)length - sizeof(uint)) != length)
            {
                _error = CaptureError.MalformedBlock;
                return false;
            }

            bool ok = type switch
            {
                PcapNgDescriptor.SectionHeaderBlockType => ReadSectionHeader(block),
                PcapNgDescriptor.InterfaceDescriptionBlockType => ReadInterfaceDescription(block),
                PcapNgDescriptor.EnhancedPacketBlockType => ReadEnhancedPacket(block, out linkType, out timestampNs, out interfaceId, out frame),
                PcapNgDescriptor.SimplePacketBlockType => ReadSimplePacket(block, out linkType, out frame),
                PcapNgDescriptor.ObsoletePacketBlockType => ReadObsoletePacket(block, out linkType, out timestampNs, out interfaceId, out frame),
                _ => true,
            };
            if (!ok)
            {
                _error = CaptureError.MalformedBlock;
                return false;
            }

            _position += (int)length;
            if (type is PcapNgDescriptor.EnhancedPacketBlockType or PcapNgDescriptor.SimplePacketBlockType or PcapNgDescriptor.ObsoletePacketBlockType)
            {
                return true;
            }
        }
    }

    private bool ReadSectionHeader(ReadOnlySpan<byte> block)
    {
        if (block.Length < PcapNgDescriptor.SectionHeaderMinLength)
        {
            return false;
        }

        // interface ids are numbered per section
        _interfaceCount = 0;
        return true;
    }

    private bool ReadInterfaceDescription(ReadOnlySpan<byte> block)
    {
        if (block.Length < PcapNgDescriptor.InterfaceDescriptionMinLength)
        {
            return false;
        }

        int id = _interfaceCount++;
        if (id >= CaptureInterfaceTable.Capacity)
        {
            // counted by number so later ids stay aligned; its packets are skipped
            return true;
        }

        ref CaptureInterface face = ref _interfaces[id];
        face.LinkType = ReadUInt16(block, PcapNgDescriptor.InterfaceLinkTypeOffset);
        face.SnapLength = ReadUInt32(block, PcapNgDescriptor.InterfaceSnapLengthOffset);
        face.TimestampResolution = PcapNgDescriptor.DefaultTimestampResolution;
        face.TimestampOffsetSeconds = 0;

        ReadOnlySpan<byte> options = block.Slice(PcapNgDescriptor.InterfaceOptionsOffset, block.Length - PcapNgDescriptor.InterfaceOptionsOffset - sizeof(uint));
        while (options.Length >= PcapNgDescriptor.OptionHeaderLength)
        {
            ushort code = ReadUInt16(options, 0);
            int valueLength = ReadUInt16(options, sizeof(ushort));
            if (code == PcapNgDescriptor.OptionEndOfOptions)
            {
                break;
            }

            int padded = (valueLength + PcapNgDescriptor.BlockAlignment - 1) & ~(PcapNgDescriptor.BlockAlignment - 1);
            if (PcapNgDescriptor.OptionHeaderLength + padded > options.Length)
            {
                return false;
            }

            ReadOnlySpan<byte> value = options.Slice(PcapNgDescriptor.OptionHeaderLength, valueLength);
            if (code == PcapNgDescriptor.OptionTimestampResolution && valueLength >= 1)
            {
                face.TimestampResolution = value[0];
            }
            else if (code == PcapNgDescriptor.OptionTimestampOffset && valueLength >= sizeof(long))
            {
                face.TimestampOffsetSeconds = _bigEndian ? BinaryPrimitives.ReadInt64BigEndian(value) : BinaryPrimitives.ReadInt64LittleEndian(value);
            }

            options = options.Slice(PcapNgDescriptor.OptionHeaderLength + padded);
        }

        return true;
    }

    private bool ReadEnhancedPacket(ReadOnlySpan<byte> block, out int linkType, out long timestampNs, out int interfaceId, out ReadOnlySpan<byte> frame)
    {
        linkType = -1;
        timestampNs = 0;
        frame = default;
        interfaceId = 0;
        if (block.Length < PcapNgDescriptor.EnhancedPacketMinLength)
        {
            return false;
        }

        uint id = ReadUInt32(block, PcapNgDescriptor.EnhancedInterfaceIdOffset);
        uint captured = ReadUInt32(block, PcapNgDescriptor.EnhancedCapturedLengthOffset);
        if (captured > (uint)(block.Length - PcapNgDescriptor.EnhancedPacketMinLength))
        {
            return false;
        }

        frame = block.Slice(PcapNgDescriptor.EnhancedDataOffset, (int)captured);
        ulong ticks = ((ulong)ReadUInt32(block, PcapNgDescriptor.EnhancedTimestampHighOffset) << 32)
            | ReadUInt32(block, PcapNgDescriptor.EnhancedTimestampLowOffset);
        interfaceId = (int)Math.Min(id, int.MaxValue);
        ResolveInterface(id, ticks, out linkType, out timestampNs);
        return true;
    }

    private bool ReadObsoletePacket(ReadOnlySpan<byte> block, out int linkType, out long timestampNs, out int interfaceId, out ReadOnlySpan<byte> frame)
    {
        linkType = -1;
        timestampNs = 0;
        frame = default;
        interfaceId = 0;
        if (block.Length < PcapNgDescriptor.ObsoletePacketMinLength)
        {
            return false;
        }

        ushort id = ReadUInt16(block, PcapNgDescriptor.ObsoleteInterfaceIdOffset);
        uint captured = ReadUInt32(block, PcapNgDescriptor.ObsoleteCapturedLengthOffset);
        if (captured > (uint)(block.Length - PcapNgDescriptor.ObsoletePacketMinLength))
        {
            return false;
        }

        frame = block.Slice(PcapNgDescriptor.ObsoleteDataOffset, (int)captured);
        ulong ticks = ((ulong)ReadUInt32(block, PcapNgDescriptor.ObsoleteTimestampHighOffset) << 32)
            | ReadUInt32(block, PcapNgDescriptor.ObsoleteTimestampLowOffset);
        interfaceId = id;
        ResolveInterface(id, ticks, out linkType, out timestampNs);
        return true;
    }

    private bool ReadSimplePacket(ReadOnlySpan<byte> block, out int linkType, out ReadOnlySpan<byte> frame)
    {
        linkType = -1;
        frame = default;
        if (block.Length < PcapNgDescriptor.SimplePacketMinLength)
        {
            return false;
        }

        // SPBs belong to interface 0 and carry no captured length: it is the original length bounded by the
        // interface's snaplen and the block's room
        uint captured = Math.Min(ReadUInt32(block, PcapNgDescriptor.SimpleOriginalLengthOffset), (uint)(block.Length - PcapNgDescriptor.SimplePacketMinLength));
        if (_interfaceCount > 0)
        {
            linkType = _interfaces[0].LinkType;
            uint snap = _interfaces[0].SnapLength;
            if (snap != 0)
            {
                captured = Math.Min(captured, snap);
            }
        }

        frame = block.Slice(PcapNgDescriptor.SimpleDataOffset, (int)captured);
        return true;
    }

    /// <summary>Link type and timestamp for a packet of interface <paramref name="id"/>; link type −1 (skipped) if unknown.</summary>
    private readonly void ResolveInterface(uint id, ulong ticks, out int linkType, out long timestampNs)
    {
        if (id >= (uint)_interfaceCount || id >= CaptureInterfaceTable.Capacity)
        {
            linkType = -1;
            timestampNs = 0;
            return;
        }

        CaptureInterface face = _interfaces[(int)id];
        linkType = face.LinkType;
        timestampNs = CaptureTimestamp.FromPcapNg(ticks, face.TimestampResolution, face.TimestampOffsetSeconds);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly uint ReadUInt32(ReadOnlySpan<byte> bytes, int offset) => _bigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(offset))
        : BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly ushort ReadUInt16(ReadOnlySpan<byte> bytes, int offset) => _bigEndian
        ? BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(offset))
        : BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(offset));
}
