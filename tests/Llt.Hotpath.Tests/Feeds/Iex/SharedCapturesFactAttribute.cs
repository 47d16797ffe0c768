namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>
/// A fact that needs the real IEX captures in <c>../shared/data/captures/Iex</c> (next to the repository, never
/// committed): skipped, and reported as skipped, when they are absent.
/// </summary>
public sealed class SharedCapturesFactAttribute : FactAttribute
{
    public SharedCapturesFactAttribute()
    {
        if (SharedCaptures.IexDirectory == null)
        {
            Skip = "../shared/data/captures/Iex is absent (real captures are for local checks only)";
        }
    }
}
