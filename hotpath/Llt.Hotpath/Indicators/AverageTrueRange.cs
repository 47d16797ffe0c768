using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Wilder's average true range over n bars. True range = max(high, previous close) − min(low, previous close);
/// the first bar has no previous close, so its true range is high − low. The first ATR is the mean of the first
/// n true ranges, then atr = atr·(1 − 1/n) + tr/n. NaN until n bars have arrived. A mutable struct: keep it in a field.
/// </summary>
/// <remarks>
/// Tick input: <see cref="UpdateClose"/> treats each tick as a bar with high = low = close, so the true range is
/// |close − previous close| (0 for the first tick) and the ATR is Wilder's average absolute tick move. Feed real
/// bars (from a bar aggregator) through <see cref="Update"/> when a time-based ATR is wanted.
/// </remarks>
public struct AverageTrueRange
{
    private readonly int _period;
    private readonly double _inversePeriod;
    private readonly double _decay;
    private double _value;
    private double _previousClose;
    private int _count;
    private bool _hasPreviousClose;

    public AverageTrueRange(int period)
    {
        IndicatorThrowHelper.CheckWindow(period);
        _period = period;
        _inversePeriod = 1.0 / period;
        _decay = 1.0 - _inversePeriod;
    }

    public readonly int Period => _period;

    public readonly bool IsReady => _count == _period;

    public readonly double Value => _count == _period ? _value : double.NaN;

    /// <summary>The true range of the latest bar.</summary>
    public double TrueRange { readonly get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double high, double low, double close)
    {
        double trueRange = _hasPreviousClose
            ? Math.Max(high, _previousClose) - Math.Min(low, _previousClose)
            : high - low;
        _previousClose = close;
        _hasPreviousClose = true;
        TrueRange = trueRange;

        if (_count == _period)
        {
            // atr·(1 − 1/n) + tr/n as one FMA: only the FMA is on the dependency chain between bars
            _value = Math.FusedMultiplyAdd(_value, _decay, trueRange * _inversePeriod);
            return;
        }

        // seeding: _value holds the running sum of the first n true ranges
        _value += trueRange;
        if (++_count == _period)
        {
            _value *= _inversePeriod;
        }
    }

    /// <summary>One tick as a bar: high = low = close.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void UpdateClose(double close) => Update(close, close, close);

    public void Reset()
    {
        _value = 0;
        _previousClose = 0;
        _count = 0;
        _hasPreviousClose = false;
        TrueRange = 0;
    }
}
