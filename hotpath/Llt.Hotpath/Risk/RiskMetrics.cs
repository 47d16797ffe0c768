namespace Llt.Hotpath.Risk;

/// <summary>
/// Post-trade metrics from one <see cref="RiskMetricsCalculator.Compute"/>, currency units (double, display and
/// alerting only). Var* come from the realized P&amp;L window; ScenarioVar* revalue today's exposures under the
/// window's instrument returns. NaN where the window is empty.
/// </summary>
public readonly record struct RiskMetrics(
    double Var95, double Var99, double ScenarioVar95, double ScenarioVar99, double MaxDrawdown,
    double GrossExposure, double NetExposure, int PnlSamples, int ScenarioSamples);
