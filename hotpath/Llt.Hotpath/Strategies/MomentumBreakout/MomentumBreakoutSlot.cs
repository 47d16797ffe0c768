using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Strategies.MomentumBreakout;

/// <summary>
/// What <see cref="MomentumBreakoutStrategy"/> keeps per instrument besides its working order, inline in one array
/// element: its three indicators (struct forms: each reaches its values array straight from here) and the trailing stop (best trade price since entry and the level it implies, fixed-point 10^-8,
/// recomputed only when the best moves).
/// </summary>
internal struct MomentumBreakoutSlot
{
    public RollingExtremes Range;
    public RollingMean RecentVolume;
    public RollingMean BaselineVolume;

    /// <summary>Highest trade since a long was opened, lowest since a short was; 0 when flat.</summary>
    public long BestPrice;

    /// <summary>Long: flatten at or below. Short: flatten at or above. Unused when flat.</summary>
    public long StopPrice;
}
