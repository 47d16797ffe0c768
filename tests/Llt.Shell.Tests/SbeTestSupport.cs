using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text;
using Llt.Shell.Commands;

namespace Llt.Shell.Tests;

/// <summary>Runs <c>llt sbe ...</c> in-process over memory streams and finds the platform schema.</summary>
internal static class SbeTestSupport
{
    /// <summary>schemas/llt.xml of the repository the tests were built from.</summary>
    public static string PlatformSchema => Path.Combine(RepositoryRoot(), "schemas", "llt.xml");

    public static SbeRun Run(byte[] stdin, params string[] args)
    {
        var input = new MemoryStream(stdin);
        var output = new MemoryStream();
        var error = new StringWriter();
        var root = new RootCommand("test");
        root.Subcommands.Add(SbeCommands.Create(new SbeConsole(() => input, () => output, error)));
        int exitCode = root.Parse(args).Invoke();
        return new SbeRun(exitCode, output.ToArray(), error.ToString());
    }

    public static SbeRun Run(string stdin, params string[] args) => Run(Encoding.UTF8.GetBytes(stdin), args);

    /// <summary>
    /// The directory holding llt.sln: above the test assembly for in-tree builds, else above this source file
    /// (builds with LLT_ARTIFACTS put the assembly outside the tree).
    /// </summary>
    public static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile)! })
        {
            for (DirectoryInfo? directory = new DirectoryInfo(start); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "llt.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("llt.sln not found above " + AppContext.BaseDirectory + " or " + sourceFile);
    }
}
