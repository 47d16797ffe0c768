namespace Llt.Hotpath.Runtime;

/// <summary>
/// Parks the calling thread for a period. Idle strategies park through this seam so tests can count park
/// periods (or advance a <see cref="ManualNanoClock"/>) instead of asserting on wall time.
/// </summary>
public interface IThreadParker
{
    /// <summary>Parks the calling thread for about <paramref name="durationNs"/> nanoseconds.</summary>
    void ParkNanos(long durationNs);
}
