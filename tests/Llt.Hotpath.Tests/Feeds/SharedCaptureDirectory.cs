using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Tests.Feeds;

/// <summary>
/// Finds <c>../shared/data/captures</c> (real exchange captures, never copied into the repository) relative to the
/// repository root (the directory holding llt.sln): above the test assembly for in-tree builds, else above this
/// source file (LLT_ARTIFACTS builds put the assembly outside the tree).
/// </summary>
internal static class SharedCaptureDirectory
{
    /// <summary>The captures folder, or null when it is not beside the repository.</summary>
    public static string? Root { get; } = Find();

    /// <summary>A subfolder of the captures ("Iex", "Nasdaq"), or null when absent.</summary>
    public static string? Of(string name) =>
        Root is not null && Directory.Exists(Path.Combine(Root, name)) ? Path.Combine(Root, name) : null;

    private static string? Find([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile)! })
        {
            for (DirectoryInfo? dir = new(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "llt.sln")))
                {
                    string captures = Path.Combine(dir.FullName, "..", "shared", "data", "captures");
                    return Directory.Exists(captures) ? Path.GetFullPath(captures) : null;
                }
            }
        }

        return null;
    }
}
