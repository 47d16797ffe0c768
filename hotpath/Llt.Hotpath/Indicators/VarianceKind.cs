namespace Llt.Hotpath.Indicators;

/// <summary>Which estimator a rolling variance reports; both are computed from the same window sums.</summary>
public enum VarianceKind
{
    /// <summary>Sum of squared deviations / n: the variance of the window itself (Bollinger's definition).</summary>
    Population = 0,

    /// <summary>Sum of squared deviations / (n - 1): unbiased estimate of the variance of the process; needs n ≥ 2.</summary>
    Sample = 1,
}
