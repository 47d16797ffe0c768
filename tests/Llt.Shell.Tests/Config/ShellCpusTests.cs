using Llt.Hotpath.Runtime;
using Llt.Shell.Configuration;
using Llt.Shell.Run;

namespace Llt.Shell.Tests.Config;

/// <summary>
/// LLT_SHELL_CPUS: read and checked with the other settings, applied to every thread of `llt run`. Runs alone
/// (its own collection, no parallel tests): the confinement test narrows this whole test process for a moment.
/// </summary>
[Collection(ProcessAffinityCollection.Name)]
public sealed class ShellCpusTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("llt-shellcpus-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private PlatformConfiguration Load(string json, Dictionary<string, string> environment)
    {
        string path = Path.Combine(_dir, "llt.json");
        File.WriteAllText(path, json);
        string envFile = Path.Combine(_dir, "empty.env");
        File.WriteAllText(envFile, "");
        return PlatformConfigurationLoader.Load(path, envFile, environment);
    }

    [Fact]
    public void Unset_LeavesTheShellUnconfined_AndACpuListFromEnvOrLltJsonIsRead()
    {
        Assert.True(Load("{}", new()).Platform.ShellCpus.IsEmpty);

        int first = ThreadAffinity.GetCurrentThreadAffinity()[0];
        string text = first.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(CpuSet.Of(first), Load("{}", new() { ["LLT_SHELL_CPUS"] = text }).Platform.ShellCpus);
        Assert.Equal(CpuSet.Of(first), Load($$"""{ "shell": { "LLT_SHELL_CPUS": "{{text}}" } }""", new()).Platform.ShellCpus);
    }

    [Theory]
    [InlineData("zero", "is not a CPU list")]
    [InlineData("3-1", "is not a CPU list")]
    [InlineData("1023", "may not run on")]
    public void ABadCpuList_IsAProblemNamingTheKey(string value, string message)
    {
        PlatformConfiguration loaded = Load("{}", new() { ["LLT_SHELL_CPUS"] = value });
        Assert.False(loaded.IsValid);
        SettingProblem problem = Assert.Single(loaded.Problems);
        Assert.Equal("LLT_SHELL_CPUS", problem.Key);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Contains(value, problem.ToString(), StringComparison.Ordinal);
    }

    [MultiCpuFact]
    public void Confinement_PinsEveryThreadOfTheProcess_AndThreadsStartedAfterwardsInheritIt()
    {
        CpuSet original = ThreadAffinity.GetCurrentThreadAffinity();
        var idle = new Thread(() => Thread.Sleep(Timeout.Infinite)) { IsBackground = true, Name = "before" };
        idle.Start();
        CpuSet one = CpuSet.Of(original[original.Count - 1]);
        try
        {
            int pinned = ShellCpuConfinement.Apply(one);
            Assert.True(pinned >= 2, $"{pinned} threads pinned");
            CpuSet? later = null;
            var after = new Thread(() => later = ThreadAffinity.GetCurrentThreadAffinity()) { Name = "after" };
            after.Start();
            after.Join();
            Assert.Equal(one, later);
            foreach (string task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                string? allowed = File.ReadLines(Path.Combine(task, "status")).FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
                Assert.Equal(one.ToString(), allowed?["Cpus_allowed_list:".Length..].Trim());
            }
        }
        finally
        {
            ShellCpuConfinement.Apply(original);
        }

        Assert.Equal(original, ThreadAffinity.GetCurrentThreadAffinity());
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessAffinityCollection
{
    public const string Name = "process affinity";
}
