using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Tests.Runtime;

/// <summary>Finds and runs the bash scripts in tuning/ from tests.</summary>
internal static class TuningScripts
{
    public static string TuningDirectory { get; } = FindTuningDirectory();

    public static (int ExitCode, string Output) Run(string script, IReadOnlyDictionary<string, string>? environment = null, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(TuningDirectory, script));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach ((string name, string value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{script} did not finish within 60 s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string FindTuningDirectory([CallerFilePath] string sourcePath = "")
    {
        // The source path works for local builds; the walk-up covers path-mapped (CI) builds run from the repo.
        var candidates = new List<string>();
        if (Path.IsPathRooted(sourcePath))
        {
            candidates.Add(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourcePath)!, "..", "..", "..")));
        }

        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                candidates.Add(directory.FullName);
            }
        }

        foreach (string candidate in candidates)
        {
            string tuning = Path.Combine(candidate, "tuning");
            if (File.Exists(Path.Combine(tuning, "check")))
            {
                return tuning;
            }
        }

        throw new InvalidOperationException("tuning/check not found from " + sourcePath);
    }
}
