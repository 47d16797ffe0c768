namespace Llt.Hotpath.Indicators;

/// <summary>max or min as a type, so the rolling-extreme kernel is compiled once per direction with no branch on it.</summary>
internal interface IExtremeSelector
{
    /// <summary>The more extreme of the two; <paramref name="candidate"/> wins ties (which one is irrelevant for values).</summary>
    static abstract double Select(double candidate, double current);
}
