namespace Llt.Hotpath.Feeds.Capture;

/// <summary>Container format of a packet capture file, as detected by <see cref="CaptureReader.Open"/>.</summary>
public enum CaptureFormat
{
    /// <summary>Not a capture this reader knows (see <see cref="CaptureReader.Error"/>).</summary>
    Unknown = 0,

    /// <summary>Classic libpcap: one link type per file, microsecond or nanosecond timestamps, either byte order.</summary>
    Pcap = 1,

    /// <summary>pcapng: sections (SHB), interfaces (IDB) with their own link type and timestamp resolution, packet blocks.</summary>
    PcapNg = 2,
}
