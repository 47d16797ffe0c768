using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Sum of the last n values, O(1) per update, whose rounding error stays bounded however long it runs.
/// </summary>
/// <remarks>
/// A plain rolling sum (<c>sum += entering - leaving</c>) keeps every rounding error it ever made: over 10^8
/// updates the drift is a random walk that grows without bound. Here a second, fresh accumulator sums only the
/// values entering since it was last started; after n of them it holds exactly the current window, summed from
/// scratch, and replaces the rolling sum. So the rolling sum never carries error from more than 2n additions, and
/// the price is one extra add and a counter per update, with no periodic O(n) recomputation (no latency spike).
/// Construct with <see cref="RollingSum(int)"/>; the caller owns the window and passes the value leaving it
/// (0 while the window is still filling).
/// </remarks>
public struct RollingSum
{
    private readonly int _window;
    private double _sum;
    private double _fresh;
    private int _freshCount;

    public RollingSum(int window)
    {
        IndicatorThrowHelper.CheckWindow(window);
        _window = window;
    }

    public readonly double Value => _sum;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double entering, double leaving)
    {
        _sum += entering - leaving;
        _fresh += entering;
        if (++_freshCount == _window)
        {
            // the fresh sum now covers exactly the window: adopt it and drop the rolling sum's accumulated error
            _sum = _fresh;
            _fresh = 0;
            _freshCount = 0;
        }
    }

    public void Reset()
    {
        _sum = 0;
        _fresh = 0;
        _freshCount = 0;
    }
}
