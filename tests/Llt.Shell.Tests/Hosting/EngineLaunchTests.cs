using System.Diagnostics;
using Llt.Shell.Run;

namespace Llt.Shell.Tests.Hosting;

public sealed class EngineLaunchTests
{
    [Fact]
    public void ToStartInfo_KeepsTheEnvironment_ButNoCredential()
    {
        const string Secret = "LLT_TEST_LAUNCH_API_TOKEN";
        const string Webhook = "LLT_TEST_LAUNCH_WEBHOOK_URL";
        Environment.SetEnvironmentVariable(Secret, "tok-123");
        Environment.SetEnvironmentVariable(Webhook, "https://h/x/tok");
        try
        {
            ProcessStartInfo start = new EngineLaunch("/bin/true", ["--config", "llt.json"]).ToStartInfo();

            Assert.False(start.Environment.ContainsKey(Secret));
            Assert.False(start.Environment.ContainsKey(Webhook));
            Assert.True(start.Environment.ContainsKey("PATH"));
            Assert.Equal(["--config", "llt.json"], start.ArgumentList);
            Assert.True(start.RedirectStandardOutput && start.RedirectStandardError);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Secret, null);
            Environment.SetEnvironmentVariable(Webhook, null);
        }
    }

    [Fact]
    public void Resolve_ConfiguredPath_MustExist_AndADllRunsUnderDotnet()
    {
        Assert.Null(EngineLaunch.Resolve("/nonexistent/llt-engine", [], out string? error));
        Assert.Equal("LLT_ENGINE: /nonexistent/llt-engine does not exist", error);

        EngineLaunch? dll = EngineLaunch.Resolve(EngineProcess.EngineDll, ["--config", "x.json"], out error);
        Assert.Null(error);
        Assert.Equal("dotnet", dll!.FileName);
        Assert.Equal([EngineProcess.EngineDll, "--config", "x.json"], dll.Arguments);
    }
}
