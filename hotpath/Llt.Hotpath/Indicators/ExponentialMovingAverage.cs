using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Exponential moving average with alpha = 2 / (n + 1), seeded by the simple mean of the first n values (the
/// usual charting convention: no bias toward the first tick). NaN until n values have arrived; from then on
/// ema = (1 − alpha) · ema + alpha · x (one fused multiply-add). A mutable struct: keep it in a field or array element and call <see cref="Update"/>
/// on that, not on a copy. Construct it with <see cref="ExponentialMovingAverage(int)"/>. Batch equivalents:
/// <see cref="IndicatorKernels.Ema"/> and <see cref="IndicatorKernels.EmaColumns"/>.
/// </summary>
public struct ExponentialMovingAverage
{
    private readonly int _period;
    private readonly double _alpha;
    private readonly double _decay;
    private double _value;
    private int _count;

    public ExponentialMovingAverage(int period)
    {
        IndicatorThrowHelper.CheckWindow(period);
        _period = period;
        _alpha = 2.0 / (period + 1);
        _decay = 1.0 - _alpha;
    }

    public readonly int Period => _period;

    public readonly double Alpha => _alpha;

    public readonly bool IsReady => _count == _period;

    public readonly double Value => _count == _period ? _value : double.NaN;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double value)
    {
        if (_count == _period)
        {
            // ema·(1 − α) + α·x as one FMA: α·x is off the dependency chain, so back-to-back updates wait on one
            // fused multiply-add (4 cycles) instead of subtract, multiply and add (12)
            _value = Math.FusedMultiplyAdd(_value, _decay, _alpha * value);
            return;
        }

        // seeding: _value holds the running sum of the first n values
        _value += value;
        if (++_count == _period)
        {
            _value /= _period;
        }
    }

    public void Reset()
    {
        _value = 0;
        _count = 0;
    }
}
