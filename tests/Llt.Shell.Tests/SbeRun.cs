using System.Text;

namespace Llt.Shell.Tests;

/// <summary>What one in-process <c>llt sbe</c> invocation produced.</summary>
internal sealed class SbeRun
{
    public SbeRun(int exitCode, byte[] output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public int ExitCode { get; }

    public byte[] Output { get; }

    public string Error { get; }

    public string OutputText => Encoding.UTF8.GetString(Output);

    public string[] OutputLines => OutputText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
