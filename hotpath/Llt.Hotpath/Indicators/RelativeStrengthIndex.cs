using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Wilder's RSI over n changes of the input (so n + 1 values before it is ready). Gains and losses are the positive
/// and negative parts of each change; the first averages are the simple means of the first n, then
/// avg = avg·(1 − 1/n) + x/n. RSI = 100 · avgGain / (avgGain + avgLoss), which is 100 − 100 / (1 + RS) without the
/// division by zero: 100 when there were only gains, 0 with only losses, and 50 when nothing moved (documented
/// choice: a flat market is neutral). NaN until ready. A mutable struct: keep it in a field.
/// </summary>
public struct RelativeStrengthIndex
{
    private readonly int _period;
    private readonly double _inversePeriod;
    private readonly double _decay;
    private double _averageGain;
    private double _averageLoss;
    private double _previous;
    private int _changes;
    private bool _hasPrevious;

    public RelativeStrengthIndex(int period)
    {
        IndicatorThrowHelper.CheckWindow(period);
        _period = period;
        _inversePeriod = 1.0 / period;
        _decay = 1.0 - _inversePeriod;
    }

    public readonly int Period => _period;

    public readonly bool IsReady => _changes == _period;

    public readonly double Value
    {
        get
        {
            if (_changes != _period)
            {
                return double.NaN;
            }

            double total = _averageGain + _averageLoss;
            return total > 0.0 ? 100.0 * _averageGain / total : 50.0;
        }
    }

    public readonly double AverageGain => IsReady ? _averageGain : double.NaN;

    public readonly double AverageLoss => IsReady ? _averageLoss : double.NaN;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double value)
    {
        if (!_hasPrevious)
        {
            _previous = value;
            _hasPrevious = true;
            return;
        }

        double change = value - _previous;
        _previous = value;
        double gain = Math.Max(change, 0.0);
        double loss = Math.Max(-change, 0.0);

        if (_changes == _period)
        {
            // avg·(1 − 1/n) + x/n as one FMA each: only the FMA is on the dependency chain between updates
            _averageGain = Math.FusedMultiplyAdd(_averageGain, _decay, gain * _inversePeriod);
            _averageLoss = Math.FusedMultiplyAdd(_averageLoss, _decay, loss * _inversePeriod);
            return;
        }

        // seeding: the averages hold running sums of the first n gains and losses
        _averageGain += gain;
        _averageLoss += loss;
        if (++_changes == _period)
        {
            _averageGain *= _inversePeriod;
            _averageLoss *= _inversePeriod;
        }
    }

    public void Reset()
    {
        _averageGain = 0;
        _averageLoss = 0;
        _previous = 0;
        _changes = 0;
        _hasPrevious = false;
    }
}
