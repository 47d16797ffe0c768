using System.Diagnostics;
using System.Text.RegularExpressions;
using Llt.Shell.Configuration;

namespace Llt.Shell.Tests.Cli;

/// <summary>`llt run` on a terminal (a pseudo-terminal from util-linux script): the live Spectre.Console view is drawn.</summary>
public sealed partial class LiveViewTests
{
    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")]
    private static partial Regex AnsiEscape();

    [PseudoTerminalFact]
    public void Run_OnATerminal_DrawsTheLiveView_WithPnlFlowLatencyPositionsAndLog()
    {
        using var site = new EngineTestSite();
        string config = site.WriteConfig($$"""
            {
              "engine": {
                "name": "{{site.Name}}",
                "heartbeatInterval": "100ms",
                "journal": { "dir": "{{site.JournalDirectory}}", "segmentSize": 4194304 }
              },
              "feed": { "type": "simulator", "rate": 2000 }
            }
            """);
        var start = new ProcessStartInfo(PseudoTerminalFactAttribute.Script)
        {
            // script puts the command's stdout and stderr on its pseudo-terminal, which it copies to its stdout
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = site.Root,
        };
        foreach (SettingDefinition definition in SettingCatalog.All)
        {
            start.Environment.Remove(definition.Key);
        }

        start.Environment["LLT_ENGINE"] = EngineProcess.EngineDll;
        start.Environment["HEALTH_PORT"] = "0";
        start.Environment["COLUMNS"] = "160";
        start.Environment["LINES"] = "60";
        start.ArgumentList.Add("-qec");
        start.ArgumentList.Add($"dotnet '{EngineProcess.ShellDll}' run --config '{config}' --duration 4s");
        start.ArgumentList.Add("/dev/null");

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(EngineProcess.Timeout), "llt run under script did not finish");
        process.WaitForExit();
        string screen = AnsiEscape().Replace(stdout.Result, "");

        Assert.True(process.ExitCode == 0, screen);
        Assert.Contains($"{site.Name} running pid", screen);
        Assert.Contains("realized", screen);
        Assert.Matches(@"orders \d+ \(\d+/s\)", screen);
        Assert.Matches(@"tick-to-order p50 [0-9.]+us", screen);
        Assert.Contains("positions", screen);
        Assert.Contains("open orders", screen);
        Assert.Contains("engine ready, pid", screen); // the log panel
        Assert.Contains("journal only", screen);
        // the console logger is off while the view owns the terminal: no raw log lines
        Assert.DoesNotContain(" info [supervisor]", screen);
    }
}
