namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>A fact skipped (reported as skipped) when the shared Nasdaq captures are not next to the repository.</summary>
public sealed class NasdaqCapturesFactAttribute : FactAttribute
{
    public NasdaqCapturesFactAttribute()
    {
        if (NasdaqCaptures.Directory is null)
        {
            Skip = "../shared/data/captures/Nasdaq is not present (real captures are local-only, never committed)";
        }
    }
}
