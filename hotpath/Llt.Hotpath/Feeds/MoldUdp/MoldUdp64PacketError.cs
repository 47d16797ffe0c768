namespace Llt.Hotpath.Feeds.MoldUdp;

/// <summary>What is wrong with a MoldUDP64 packet. Values are stable so they can index counters.</summary>
public enum MoldUdp64PacketError
{
    None = 0,

    /// <summary>Shorter than the 20-byte header: nothing in it can be trusted, so the packet is dropped whole.</summary>
    TooShort = 1,

    /// <summary>A message block's length runs past the end of the packet: that block and the rest are dropped.</summary>
    BlockOverrun = 2,

    /// <summary>The packet ends before its announced count of blocks (fewer blocks than the header says).</summary>
    MissingBlocks = 3,

    /// <summary>Bytes left after the announced count of blocks (or after a heartbeat / end-of-session header).</summary>
    TrailingBytes = 4,
}
