namespace Llt.Hotpath.Indicators;

/// <summary>One deque entry of <see cref="RollingExtremes"/>: the value and the update number it arrived with, side by side (one cache line holds both).</summary>
internal struct ExtremeEntry
{
    public long Update;
    public double Value;
}
