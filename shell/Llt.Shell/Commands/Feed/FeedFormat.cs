namespace Llt.Shell.Commands.Feed;

/// <summary>The message protocol <c>llt feed decode --format</c> reads.</summary>
public enum FeedFormat
{
    /// <summary>NASDAQ TotalView-ITCH 5.0: MoldUDP64 packets in a capture, or NASDAQ's length-prefixed raw files.</summary>
    Itch50,

    /// <summary>IEX TOPS 1.6 (also 1.5) over IEX-TP (message protocol 0x8003).</summary>
    IexTops,

    /// <summary>IEX DEEP 1.0 over IEX-TP (0x8004).</summary>
    IexDeep,

    /// <summary>IEX DEEP+ 1.0 over IEX-TP (0x8005).</summary>
    IexDeepPlus,
}
