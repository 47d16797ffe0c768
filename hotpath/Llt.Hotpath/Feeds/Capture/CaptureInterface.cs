namespace Llt.Hotpath.Feeds.Capture;

/// <summary>One pcapng interface (IDB): its link type and how its timestamps turn into nanoseconds.</summary>
public struct CaptureInterface
{
    public int LinkType;

    /// <summary>Snapshot length from the IDB (0 = unlimited); bounds simple packet blocks.</summary>
    public uint SnapLength;

    /// <summary>Raw if_tsresol: high bit clear = 10^-n s per tick, set = 2^-n s.</summary>
    public byte TimestampResolution;

    /// <summary>if_tsoffset in seconds, added to every timestamp.</summary>
    public long TimestampOffsetSeconds;
}
