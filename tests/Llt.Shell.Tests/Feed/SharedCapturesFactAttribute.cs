namespace Llt.Shell.Tests.Feed;

/// <summary>A fact that needs ../shared/data/captures (real exchange captures, never committed): skipped when absent.</summary>
public sealed class SharedCapturesFactAttribute : FactAttribute
{
    public SharedCapturesFactAttribute()
    {
        if (SharedCaptures.Directory == null)
        {
            Skip = "../shared/data/captures is absent (real captures are for local checks only)";
        }
    }
}
