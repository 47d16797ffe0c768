namespace Llt.Hotpath.Feeds.Itch;

/// <summary>Which ITCH message reported an execution.</summary>
public enum ItchExecutionKind : byte
{
    /// <summary>'E': a displayed order executed at its own price.</summary>
    OrderExecuted = 1,

    /// <summary>'C': a displayed order executed at another price (the message's).</summary>
    OrderExecutedWithPrice = 2,

    /// <summary>'P': a non-displayed order matched; no book change.</summary>
    NonCrossTrade = 3,

    /// <summary>'Q': an opening, closing, IPO/halt or intraday cross printed in bulk; no book change.</summary>
    CrossTrade = 4,
}
