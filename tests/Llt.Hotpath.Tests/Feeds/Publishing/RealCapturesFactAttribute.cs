namespace Llt.Hotpath.Tests.Feeds.Publishing;

/// <summary>
/// A fact over the real exchange captures in ../shared/data/captures (beside the repository); skipped, and
/// reported as skipped, where they are absent. They are never copied into the repository.
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
    public static string? Directory { get; } = Find();

    private static string? Find()
    {
        // LLT_SHARED points at ../shared when the build output lives outside the repository (LLT_ARTIFACTS)
        if (Environment.GetEnvironmentVariable("LLT_SHARED") is { Length: > 0 } shared)
        {
            string explicitCaptures = Path.Combine(shared, "data", "captures");
            return System.IO.Directory.Exists(explicitCaptures) ? explicitCaptures : null;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "llt.sln")))
            {
                string captures = Path.Combine(dir.FullName, "..", "shared", "data", "captures");
                return System.IO.Directory.Exists(captures) ? Path.GetFullPath(captures) : null;
            }
        }

        return null;
    }
}
