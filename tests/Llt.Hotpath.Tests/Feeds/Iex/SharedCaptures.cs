using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>
/// Finds <c>../shared/data/captures/Iex</c> relative to the repository root (the directory holding llt.sln): above
/// the test assembly for in-tree builds, else above this source file (LLT_ARTIFACTS builds put the assembly
/// outside the tree).
/// </summary>
internal static class SharedCaptures
{
    public static string? IexDirectory { get; } = Find();

    public static byte[] Read(string relativePath) =>
        File.ReadAllBytes(Path.Combine(IexDirectory ?? throw new InvalidOperationException("no shared captures"), relativePath));

    private static string? Find([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile)! })
        {
            for (DirectoryInfo? dir = new(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "llt.sln")))
                {
                    string iex = Path.Combine(dir.FullName, "..", "shared", "data", "captures", "Iex");
                    return Directory.Exists(iex) ? Path.GetFullPath(iex) : null;
                }
            }
        }

        return null;
    }
}
