using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Volume-weighted average price over the last n trades: Σ(price·volume) / Σvolume, O(1) per update with
/// drift-free rolling sums (<see cref="RollingSum"/>). NaN until n trades have arrived, and NaN when the window's
/// volume is 0 (no traded price to average). Batch equivalent: <see cref="IndicatorKernels.Vwap"/>. For the
/// since-the-open figure see <see cref="SessionVwap"/>.
/// </summary>
public sealed class RollingVwap
{
    private readonly RollingWindow _notionals;
    private readonly RollingWindow _volumes;
    private RollingSum _notional;
    private RollingSum _volume;

    public RollingVwap(int window)
    {
        _notionals = new RollingWindow(window);
        _volumes = new RollingWindow(window);
        _notional = new RollingSum(window);
        _volume = new RollingSum(window);
    }

    public int Window => _volumes.Capacity;

    public bool IsReady => _volumes.IsFull;

    public double Value => _volumes.IsFull && _volume.Value > 0.0 ? _notional.Value / _volume.Value : double.NaN;

    /// <summary>Volume traded in the window (partial while filling).</summary>
    public double Volume => _volume.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double price, double volume)
    {
        double notional = price * volume;
        double leavingNotional = _notionals.Push(notional, out double evictedNotional) ? evictedNotional : 0.0;
        double leavingVolume = _volumes.Push(volume, out double evictedVolume) ? evictedVolume : 0.0;
        _notional.Update(notional, leavingNotional);
        _volume.Update(volume, leavingVolume);
    }

    public void Reset()
    {
        _notionals.Reset();
        _volumes.Reset();
        _notional.Reset();
        _volume.Reset();
    }
}
