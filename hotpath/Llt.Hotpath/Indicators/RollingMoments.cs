using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Rolling mean and variance of the last n values as a mutable struct to embed in per-instrument state: the window
/// and the sums sit inline in the owner (a strategy's slot array), so an update reaches its state in one load and
/// its values array in a second, instead of walking indicator → variance → window → array. The algorithm and every
/// rounding are those of <see cref="RollingVariance"/> (its class form; see it for why anchored sums), so both give
/// identical results bit for bit. NaN until n values have arrived. Use in place (a copy shares the window's array
/// but not its position).
/// </summary>
public struct RollingMoments
{
    private WindowRing _window;
    private readonly double _inverseWindow;
    private readonly double _inverseDenominator;
    private readonly VarianceKind _kind;

    private double _anchor;
    private double _sum;
    private double _sumSquares;
    private double _freshAnchor;
    private double _freshSum;
    private double _freshSumSquares;
    private int _freshCount;

    public RollingMoments(int window, VarianceKind kind)
    {
        IndicatorThrowHelper.CheckVarianceWindow(window, kind);
        _window = new WindowRing(window);
        _kind = kind;
        _inverseWindow = 1.0 / window;
        _inverseDenominator = 1.0 / (kind == VarianceKind.Sample ? window - 1 : window);
    }

    public readonly int Window => _window.Capacity;

    public readonly VarianceKind Kind => _kind;

    public readonly bool IsReady
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _window.IsFull;
    }

    /// <summary>The variance of <see cref="Kind"/>; NaN until ready.</summary>
    public readonly double Variance => _window.IsFull ? RawVariance : double.NaN;

    public readonly double StdDev => Math.Sqrt(Variance);

    public readonly double Mean => _window.IsFull ? RawMean : double.NaN;

    /// <summary>The most recent input (what a z-score compares to the mean).</summary>
    public readonly double Last => _window.Newest;

    /// <summary>Variance without the readiness check, for callers that already made it.</summary>
    public readonly double RawVariance
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            double squaredDeviations = _sumSquares - _sum * _inverseWindow * _sum;
            return Math.Max(squaredDeviations, 0.0) * _inverseDenominator;
        }
    }

    /// <summary>Mean without the readiness check, for callers that already made it.</summary>
    public readonly double RawMean
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
        if (++_freshCount == _window.Capacity)
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
