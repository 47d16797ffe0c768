namespace Llt.Hotpath.Feeds.Capture;

/// <summary>
/// Reads the UDP datagrams of a whole packet capture held in memory (a byte array or a memory-mapped file): classic
/// pcap in either byte order with micro- or nanosecond timestamps, and pcapng (sections, several interfaces with
/// their own link type and if_tsresol, enhanced/simple/obsolete packet blocks). Zero-copy: each
/// <see cref="UdpDatagram.Payload"/> points into the file.
/// </summary>
/// <example>
/// <code>
/// CaptureReader reader = CaptureReader.Open(bytes);
/// while (reader.TryReadNextUdp(out UdpDatagram datagram))
/// {
///     Handle(datagram.Payload, datagram.TimestampNs);
/// }
/// if (reader.Error != CaptureError.None) { /* damaged file: reader.Position says where */ }
/// </code>
/// To read in batches from an agent, keep a <see cref="CaptureCursor"/> instead (see there).
/// </example>
public ref struct CaptureReader
{
    private readonly ReadOnlySpan<byte> _file;
    private CaptureCursor _cursor;

    private CaptureReader(ReadOnlySpan<byte> file, CaptureCursor cursor)
    {
        _file = file;
        _cursor = cursor;
    }

    /// <summary>
    /// Detects the format from the first bytes. Not a capture: <see cref="Format"/> is <see cref="CaptureFormat.Unknown"/>
    /// and <see cref="Error"/> <see cref="CaptureError.UnknownFormat"/>; no exception either way.
    /// </summary>
    public static CaptureReader Open(ReadOnlySpan<byte> file) => new(file, CaptureCursor.Open(file));

    /// <summary>Continues from a cursor saved with <see cref="Cursor"/> over the same bytes.</summary>
    public static CaptureReader Resume(ReadOnlySpan<byte> file, in CaptureCursor cursor) => new(file, cursor);

    public readonly CaptureFormat Format => _cursor.Format;

    public readonly CaptureError Error => _cursor.Error;

    /// <summary>Offset of the next record; after an error, of the record that failed.</summary>
    public readonly int Position => _cursor.Position;

    public readonly long PacketsRead => _cursor.PacketsRead;

    public readonly long DatagramsRead => _cursor.DatagramsRead;

    /// <summary>Packets not returned because they were not complete unfragmented IPv4 UDP datagrams.</summary>
    public readonly long SkippedPackets => _cursor.SkippedPackets;

    /// <summary>Of <see cref="SkippedPackets"/>, those cut short by the snapshot length.</summary>
    public readonly long IncompletePackets => _cursor.IncompletePackets;

    /// <summary>The reading state, to continue later with <see cref="Resume"/>.</summary>
    public readonly CaptureCursor Cursor => _cursor;

    /// <summary>The next UDP datagram; false at the end or on an error (<see cref="Error"/>).</summary>
    public bool TryReadNextUdp(out UdpDatagram datagram) => _cursor.TryReadNextUdp(_file, out datagram);
}
