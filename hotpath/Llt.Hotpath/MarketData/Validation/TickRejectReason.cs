namespace Llt.Hotpath.MarketData.Validation;

/// <summary>Why a tick was not applied. Values index the per-feed reject counters.</summary>
public enum TickRejectReason
{
    None = 0,
    MalformedMessage = 1,
    UnknownInstrument = 2,
    NonPositivePrice = 3,
    NonPositiveSize = 4,
    OffTickGrid = 5,
    CrossedBook = 6,
    TimestampBackwards = 7,
    Duplicate = 8,
    PriceSpike = 9,
    /// <summary>The book refused the update (unknown order id, level beyond depth, table full, ...).</summary>
    BookInconsistent = 10,
}
