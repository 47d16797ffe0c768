using System.Runtime.CompilerServices;

namespace Llt.Shell.Tests.Feed;

/// <summary>
/// <c>../shared/data/captures</c> next to the repository root (the directory holding llt.sln, found above the test
/// assembly or, for LLT_ARTIFACTS builds outside the tree, above this source file); null when absent.
/// </summary>
internal static class SharedCaptures
{
    public static string? Directory { get; } = Find();

    private static string? Find([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile)! })
        {
            for (DirectoryInfo? dir = new(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "llt.sln")))
                {
                    string captures = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "captures"));
                    return System.IO.Directory.Exists(captures) ? captures : null;
                }
            }
        }

        return null;
    }
}
