using System.CommandLine;
using System.Text;
using System.Text.Json;
using Llt.Shell.Commands.Feed;

namespace Llt.Shell.Tests.Feed;

/// <summary>One in-process <c>llt feed decode</c> run: exit code, stdout lines parsed as JSON, stderr text.</summary>
internal sealed class FeedDecodeRun
{
    private FeedDecodeRun(int exitCode, string output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
        Lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();
    }

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }

    public JsonElement[] Lines { get; }

    public static FeedDecodeRun Of(byte[] file, string format)
    {
        string path = Path.Combine(Path.GetTempPath(), $"llt-feed-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, file);
        try
        {
            return OfPath(path, format);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static FeedDecodeRun OfPath(string path, params string[] formatArgs)
    {
        var output = new MemoryStream();
        var error = new StringWriter();
        var root = new RootCommand("test");
        root.Subcommands.Add(FeedCommands.Create(() => output, error));
        string[] args = formatArgs.Length == 1 ? ["feed", "decode", "--format", formatArgs[0], path] : ["feed", "decode", .. formatArgs, path];
        int exitCode = root.Parse(args).Invoke();
        return new FeedDecodeRun(exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}
