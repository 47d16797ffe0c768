namespace Llt.Hotpath.Feeds.Publishing;

/// <summary>What a replayed capture carries.</summary>
public enum CaptureProtocol
{
    /// <summary>NASDAQ TotalView-ITCH 5.0: MoldUDP64 datagrams in a pcap/pcapng, or a raw length-prefixed file.</summary>
    Itch50 = 1,

    /// <summary>IEX-TP v1 segments (TOPS, DEEP) in a pcap/pcapng.</summary>
    Iex = 2,
}
