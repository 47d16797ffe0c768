namespace Llt.Hotpath.MarketData.Books;

/// <summary>
/// Outcome of a book operation. Anything but <see cref="Ok"/> means the book was left exactly as it was
/// (the one exception, <see cref="LevelBeyondDepth"/>, drops a level that was never stored). Values are
/// stable so they can index per-feed reject counters.
/// </summary>
public enum BookResult
{
    Ok = 0,

    /// <summary>Side was neither <c>Side.Buy</c> nor <c>Side.Sell</c>.</summary>
    InvalidSide = 1,

    /// <summary>Price was zero or negative.</summary>
    InvalidPrice = 2,

    /// <summary>Size/quantity negative (L2), not positive where an order needs one (L3), or a negative order count.</summary>
    InvalidQuantity = 3,

    /// <summary>L2: a delete named a price that is not in the book.</summary>
    LevelNotFound = 4,

    /// <summary>L2: the level sorts below the top N kept; it was dropped and counted.</summary>
    LevelBeyondDepth = 5,

    /// <summary>L2: an index-based update named a level outside the levels the side holds.</summary>
    LevelIndexOutOfRange = 6,

    /// <summary>L2: an index-based update or snapshot would break best-first price order.</summary>
    LevelOutOfOrder = 7,

    /// <summary>L3: an add or replace used an order id that is already live.</summary>
    DuplicateOrderId = 8,

    /// <summary>L3: no live order has this id.</summary>
    UnknownOrderId = 9,

    /// <summary>L3: execute or cancel of more than the order's remaining quantity.</summary>
    QuantityExceedsRemaining = 10,

    /// <summary>L3: every order slot is in use; the add was rejected and counted.</summary>
    OrderTableFull = 11,

    /// <summary>L3: the side already holds its maximum number of price levels; rejected and counted.</summary>
    LevelTableFull = 12,
}
