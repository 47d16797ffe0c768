using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

/// <summary>
/// Cumulative VWAP since the last <see cref="Reset"/> (call it at the session open): Σ(price·volume) / Σvolume.
/// NaN until some volume has traded. Plain running sums: their relative error grows at most like (trades)·2^-53,
/// ~1e-9 after 10^7 trades, well below a price tick. A mutable struct: keep it in a field.
/// Batch equivalent: <see cref="IndicatorKernels.SessionVwap"/>.
/// </summary>
public struct SessionVwap
{
    private double _notional;
    private double _volume;

    public readonly bool IsReady => _volume > 0.0;

    public readonly double Value => _volume > 0.0 ? _notional / _volume : double.NaN;

    public readonly double Volume => _volume;

    public readonly double Notional => _notional;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double price, double volume)
    {
        _notional += price * volume;
        _volume += volume;
    }

    public void Reset()
    {
        _notional = 0;
        _volume = 0;
    }
}
