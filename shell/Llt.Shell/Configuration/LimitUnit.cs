namespace Llt.Shell.Configuration;

/// <summary>How a limit's human value maps to the engine's raw int64.</summary>
public enum LimitUnit
{
    /// <summary>Whole units (shares, orders, orders/s): raw as is.</summary>
    Count,

    /// <summary>Currency: fixed-point 10^-8.</summary>
    Money,

    /// <summary>A fraction: fixed-point 10^-8 (volatility).</summary>
    Fraction,

    /// <summary>A fraction stored as basis points (liquidity, price collar).</summary>
    FractionBps,
}
