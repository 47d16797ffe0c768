using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Rolling volume over the last n trades or bars: the total (<see cref="Sum"/>, for the liquidity limit) and the
/// average per update (<see cref="Value"/>, for volume confirmation). Integer share counts below 2^53 sum exactly.
/// <see cref="Value"/> is NaN until n updates have arrived; <see cref="Sum"/> is the partial total before that.
/// </summary>
public sealed class RollingVolumeAverage
{
    private RollingMean _average;

    public RollingVolumeAverage(int window)
    {
        _average = new RollingMean(window);
    }

    public int Window => _average.Window;

    public bool IsReady => _average.IsReady;

    public double Value => _average.Value;

    public double Sum => _average.Sum;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double volume) => _average.Update(volume);

    public void Reset() => _average.Reset();
}
