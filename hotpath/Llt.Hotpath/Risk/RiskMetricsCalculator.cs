using Llt.Hotpath.Config;

namespace Llt.Hotpath.Risk;

/// <summary>
/// Post-trade risk metrics, called on a timer off the critical path. Inputs: <see cref="OnPnlChange"/> once per
/// interval (portfolio P&amp;L change), <see cref="OnInstrumentReturns"/> once per interval (each instrument's
/// fractional return), and the current exposures to <see cref="Compute"/>. Output: <see cref="RiskMetrics"/>.
/// All buffers are preallocated; Compute does not allocate. Windows are fixed-capacity rings (oldest dropped).
/// </summary>
public sealed class RiskMetricsCalculator
{
    private readonly PnlRing _pnl;
    private readonly double[] _returns;
    private readonly double[] _pnlScratch;
    private readonly double[] _scenarioScratch;
    private readonly int _instrumentCount;
    private readonly int _stride;
    private int _nextScenario;
    private int _scenarioCount;

    public RiskMetricsCalculator(int instrumentCount, int windowCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(instrumentCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowCapacity);
        _instrumentCount = instrumentCount;
        // rows padded to whole vectors so every row starts on the same 32-byte phase
        _stride = (instrumentCount + 3) & ~3;
        _pnl = new PnlRing(windowCapacity);
        _returns = new double[_stride * windowCapacity];
        _pnlScratch = new double[windowCapacity];
        _scenarioScratch = new double[windowCapacity];
    }

    public int WindowCapacity => _pnl.Capacity;

    /// <summary>One interval's portfolio P&amp;L change, currency units.</summary>
    public void OnPnlChange(double pnlChange) => _pnl.Add(pnlChange);

    /// <summary>One interval's fractional return per instrument (0.01 = +1%), one value per instrument id.</summary>
    public void OnInstrumentReturns(ReadOnlySpan<double> returns)
    {
        if (returns.Length != _instrumentCount)
        {
            throw new ArgumentException($"expected {_instrumentCount} returns, got {returns.Length}", nameof(returns));
        }

        returns.CopyTo(_returns.AsSpan(_nextScenario * _stride, _instrumentCount));
        _nextScenario = _nextScenario + 1 == _pnl.Capacity ? 0 : _nextScenario + 1;
        _scenarioCount = Math.Min(_scenarioCount + 1, _pnl.Capacity);
    }

    /// <summary>Exposure per instrument in currency units from fixed-point positions × reference prices.</summary>
    public static void ExposuresFromPositions(ReadOnlySpan<long> positions, ReadOnlySpan<long> referencePrices, Span<double> exposures)
    {
        for (int i = 0; i < exposures.Length; i++)
        {
            exposures[i] = positions[i] * FixedPoint.ToDouble(referencePrices[i]);
        }
    }

    /// <summary>Metrics for the current windows and <paramref name="exposures"/> (currency units per instrument).</summary>
    public RiskMetrics Compute(ReadOnlySpan<double> exposures)
    {
        if (exposures.Length != _instrumentCount)
        {
            throw new ArgumentException($"expected {_instrumentCount} exposures, got {exposures.Length}", nameof(exposures));
        }

        int n = _pnl.CopyTo(_pnlScratch);
        Span<double> pnl = _pnlScratch.AsSpan(0, n);
        double maxDrawdown = HistoricalVar.MaxDrawdown(pnl);
        (double var95, double var99) = HistoricalVar.Compute(pnl);

        // scenario order does not matter for a quantile, so the ring is used in storage order
        Span<double> scenarios = _scenarioScratch.AsSpan(0, _scenarioCount);
        ScenarioPnlKernel.Compute(exposures, _returns.AsSpan(0, _scenarioCount * _stride), _stride, scenarios);
        (double scenarioVar95, double scenarioVar99) = HistoricalVar.Compute(scenarios);

        double gross = 0;
        double net = 0;
        foreach (double exposure in exposures)
        {
            gross += Math.Abs(exposure);
            net += exposure;
        }

        return new RiskMetrics(var95, var99, scenarioVar95, scenarioVar99, maxDrawdown, gross, net, n, _scenarioCount);
    }
}
