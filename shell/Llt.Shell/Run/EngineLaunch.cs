using System.Diagnostics;
using Llt.Shell.Configuration;

namespace Llt.Shell.Run;

/// <summary>
/// How to start llt-engine: the executable (or <c>dotnet</c> and the engine's dll) and its arguments. Found from
/// LLT_ENGINE when set, else the Native-AOT binary beside llt (out/shell/../engine, as `make run` lays them out),
/// else ./out/engine/llt-engine, else the engine's build output next to llt's in the artifacts tree.
/// </summary>
public sealed record EngineLaunch(string FileName, IReadOnlyList<string> Arguments)
{
    public string CommandLine => string.Join(' ', new[] { FileName }.Concat(Arguments));

    public ProcessStartInfo ToStartInfo()
    {
        var start = new ProcessStartInfo(FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (string argument in Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // least privilege: the engine reads only its config file, so it never sees the shell's credentials
        foreach (string key in start.Environment.Keys.ToList())
        {
            if (SecretRedactor.KindOf(key) != SecretKind.None)
            {
                start.Environment.Remove(key);
            }
        }

        return start;
    }

    /// <summary>The launch for <paramref name="configuredPath"/> (LLT_ENGINE, may be empty) with the engine's own arguments; null with <paramref name="error"/> when no engine is found.</summary>
    public static EngineLaunch? Resolve(string configuredPath, IReadOnlyList<string> engineArguments, out string? error)
    {
        error = null;
        if (configuredPath.Length > 0)
        {
            if (!File.Exists(configuredPath))
            {
                error = $"{SettingCatalog.Engine}: {configuredPath} does not exist";
                return null;
            }

            return For(Path.GetFullPath(configuredPath), engineArguments);
        }

        string shellDirectory = AppContext.BaseDirectory;
        var candidates = new List<string>
        {
            Path.Combine(shellDirectory, "llt-engine"),
            Path.GetFullPath(Path.Combine(shellDirectory, "..", "engine", "llt-engine")),
            Path.GetFullPath(Path.Combine("out", "engine", "llt-engine")),
        };

        // a development build: <artifacts>/bin/Llt.Shell/<config>/ beside <artifacts>/bin/Llt.Engine/<config>_<rid>/
        var shellBin = new DirectoryInfo(shellDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var engineBin = new DirectoryInfo(Path.Combine(shellBin.Parent?.Parent?.FullName ?? shellDirectory, "Llt.Engine"));
        if (engineBin.Exists)
        {
            candidates.AddRange(engineBin.EnumerateDirectories(shellBin.Name + "*")
                .OrderByDescending(d => d.LastWriteTimeUtc)
                .Select(d => Path.Combine(d.FullName, "llt-engine.dll")));
        }

        foreach (string candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return For(candidate, engineArguments);
            }
        }

        error = $"llt-engine not found (looked at {string.Join(", ", candidates)}); build it (`make aot`) or set {SettingCatalog.Engine}";
        return null;
    }

    private static EngineLaunch For(string path, IReadOnlyList<string> engineArguments) =>
        path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new EngineLaunch("dotnet", [path, .. engineArguments])
            : new EngineLaunch(path, engineArguments);
}
