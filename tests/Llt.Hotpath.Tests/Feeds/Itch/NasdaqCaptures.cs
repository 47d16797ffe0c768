using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>
/// Finds <c>../shared/data/captures/Nasdaq</c> relative to the repository root (the directory holding llt.sln):
/// above the test assembly for in-tree builds, else above this source file (LLT_ARTIFACTS builds put the assembly
/// outside the tree). The captures are never copied into the repository.
/// </summary>
internal static class NasdaqCaptures
{
    public static string? Directory { get; } = Find();

    /// <summary>Every ITCH capture found, as paths relative to <see cref="Directory"/>.</summary>
    public static IEnumerable<string> All() => Directory is null
        ? []
        : System.IO.Directory.EnumerateFiles(Directory, "*.pcap*", SearchOption.AllDirectories).Order().Select(p => Path.GetRelativePath(Directory, p));

    public static byte[] Read(string relativePath) =>
        File.ReadAllBytes(Path.Combine(Directory ?? throw new InvalidOperationException("no shared captures"), relativePath));

    private static string? Find([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile)! })
        {
            for (DirectoryInfo? dir = new(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "llt.sln")))
                {
                    string nasdaq = Path.Combine(dir.FullName, "..", "shared", "data", "captures", "Nasdaq");
                    return System.IO.Directory.Exists(nasdaq) ? Path.GetFullPath(nasdaq) : null;
                }
            }
        }

        return null;
    }
}
