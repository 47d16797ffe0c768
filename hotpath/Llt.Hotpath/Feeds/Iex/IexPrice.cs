using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// IEX prices are int64 fixed point with 4 decimals ($99.05 = 990500); the engine's are int64 with 8
/// ($99.05 = 9905000000). Conversion is one multiply by 10^4.
/// </summary>
public static class IexPrice
{
    /// <summary>Engine fixed-point units per IEX price unit (10^-4 / 10^-8).</summary>
    public const long ToEngineScale = 10_000;

    /// <summary>
    /// Largest IEX price whose engine value fits an int64 (about $922 billion); anything larger is not a real
    /// price and is refused by the book builder rather than overflowing.
    /// </summary>
    public const long MaxConvertible = long.MaxValue / ToEngineScale;

    /// <summary>The engine's fixed-point value (10^-8) of an IEX price (10^-4). Unchecked: see <see cref="MaxConvertible"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ToEngine(long iexPrice) => iexPrice * ToEngineScale;
}
