namespace Llt.Hotpath.Tests.Feeds.Publishing;

/// <summary>
/// A fact over the real exchange captures in ../shared/data/captures (beside the repository); skipped, and
/// reported as skipped, where they are absent.
/// </summary>
public sealed class RealCapturesFactAttribute : FactAttribute
{
    public RealCapturesFactAttribute()
    {
        if (Directory is null)
        {
            Skip = "../shared/data/captures is not beside the repository";
        }
    }

    /// <summary>The captures folder, or null.</summary>
    public static string? Directory => SharedCaptureDirectory.Root;
}
