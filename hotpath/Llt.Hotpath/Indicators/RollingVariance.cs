using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Rolling mean, variance and standard deviation of the last n values, O(1) per update and numerically stable over
/// any run length. <see cref="Value"/> is the variance of <see cref="Kind"/>; everything is NaN until n values
/// have arrived. Batch equivalents: <see cref="IndicatorKernels.RollingVariance"/> and
/// <see cref="IndicatorKernels.RollingStdDev"/>.
/// </summary>
/// <remarks>
/// <para>Why not sum/sum² or windowed Welford. Prices sit near 10^6 with σ near 1: Σx² − (Σx)²/n cancels 12 of the
/// 16 digits a double has. Windowed Welford (add/remove updates of mean and M2) avoids that, but it divides on
/// every update and still accumulates its rounding: over 10^8 updates the drift of the mean feeds M2 as a random
/// walk.</para>
/// <para>What this does instead. It keeps S1 = Σ(x − K) and S2 = Σ(x − K)² over the window, around an anchor K that
/// is a recent input: x − K is then exact (Sterbenz) and small, so S2 − S1²/n cancels nothing that matters. A
/// second pair of sums, around a newer anchor, accumulates only the values entering since it started; after n of
/// them it is the window summed from scratch and replaces the rolling pair (re-anchoring at the same time). The
/// rolling sums therefore never hold error from more than 2n updates, whatever the run length, with no periodic
/// O(n) pass (no latency spike) and no division per update. Rounding can leave a tiny positive variance for a
/// window that has just become constant; once it has been constant for 2n updates it is exactly 0 (the anchor is
/// then that constant). A negative result from rounding is clamped to 0. NaN or infinite inputs poison the sums
/// until they have left the window and the next fresh pair has been adopted (at most 2n updates).</para>
/// </remarks>
public sealed class RollingVariance
{
    private readonly RollingWindow _window;
    private readonly VarianceKind _kind;
    private readonly int _length;
    private readonly double _inverseWindow;
    private readonly double _inverseDenominator;

    private double _anchor;
    private double _sum;
    private double _sumSquares;
    private double _freshAnchor;
    private double _freshSum;
    private double _freshSumSquares;
    private int _freshCount;

    public RollingVariance(int window, VarianceKind kind)
    {
        IndicatorThrowHelper.CheckVarianceWindow(window, kind);
        _window = new RollingWindow(window);
        _kind = kind;
        _length = window;
        _inverseWindow = 1.0 / window;
        _inverseDenominator = 1.0 / (kind == VarianceKind.Sample ? window - 1 : window);
    }

    public int Window => _length;

    public VarianceKind Kind => _kind;

    public bool IsReady => _window.IsFull;

    /// <summary>The variance of <see cref="Kind"/>; NaN until ready.</summary>
    public double Value => _window.IsFull ? RawVariance : double.NaN;

    public double Variance => Value;

    public double StdDev => Math.Sqrt(Value);

    public double Mean => _window.IsFull ? _anchor + _sum * _inverseWindow : double.NaN;

    /// <summary>The most recent input (what a z-score compares to the mean).</summary>
    public double Last => _window.Newest;

    /// <summary>Variance without the readiness check, for the wrappers that already made it.</summary>
    internal double RawVariance
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            double squaredDeviations = _sumSquares - _sum * _inverseWindow * _sum;
            return Math.Max(squaredDeviations, 0.0) * _inverseDenominator;
        }
    }

    internal double RawMean
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _anchor + _sum * _inverseWindow;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double value)
    {
        if (_window.Count == 0)
        {
            // first value after construction or Reset: anchor both sum pairs on it
            _anchor = value;
            _freshAnchor = value;
        }

        double leaving = _window.Push(value, out double evicted) ? evicted : _anchor;
        double enteringDeviation = value - _anchor;
        double leavingDeviation = leaving - _anchor;
        double deviationDelta = enteringDeviation - leavingDeviation;
        _sum += deviationDelta;
        _sumSquares += deviationDelta * (enteringDeviation + leavingDeviation);

        double freshDeviation = value - _freshAnchor;
        _freshSum += freshDeviation;
        _freshSumSquares += freshDeviation * freshDeviation;
        if (++_freshCount == _length)
        {
            // the fresh sums now cover exactly the window: adopt them (and their anchor), start again around the
            // newest value, which keeps the next anchor inside the data
            _anchor = _freshAnchor;
            _sum = _freshSum;
            _sumSquares = _freshSumSquares;
            _freshAnchor = value;
            _freshSum = 0;
            _freshSumSquares = 0;
            _freshCount = 0;
        }
    }

    public void Reset()
    {
        _window.Reset();
        _anchor = 0;
        _sum = 0;
        _sumSquares = 0;
        _freshAnchor = 0;
        _freshSum = 0;
        _freshSumSquares = 0;
        _freshCount = 0;
    }
}
