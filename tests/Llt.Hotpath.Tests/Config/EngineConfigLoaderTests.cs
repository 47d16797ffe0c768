using Llt.Hotpath.Config;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Config;

public sealed class EngineConfigLoaderTests
{
    private static readonly string FullFile = """
        // every key the loader knows, none at its default
        {
          "engine": {
            "name": "paper-1",
            "shmDir": "/dev/shm/llt-paper",
            "mdRingCapacity": 4096,
            "cmdRingCapacity": 2048,
            "heartbeatInterval": "250ms",
            "lockMemory": true,
            "journal": {
              "dir": "/var/lib/llt/journal",
              "segmentSize": 1048576,
              "fsync": "periodic:50ms",
              "retainSegments": 3,
              "archiveDir": "/var/lib/llt/archive",
              "journalTicks": false,
            },
            "threads": [
              { "name": "trader", "cpus": "1", "idle": "busy-spin", "agents": AGENTS }
            ]
          }
        }
        """.Replace("AGENTS", AgentsJson(EngineAgentNames.All), StringComparison.Ordinal);

    /// <summary>Every agent the engine has, as a JSON array: a valid agents list for a single thread.</summary>
    private static readonly string AllAgents = AgentsJson(EngineAgentNames.All);

    private static string AgentsJson(IEnumerable<string> agents) => "[" + string.Join(", ", agents.Select(a => $"\"{a}\"")) + "]";

    /// <summary>A file with the given engine.threads JSON.</summary>
    private static string WithThreads(string threadsJson) => $$"""{ "engine": { "threads": {{threadsJson}} } }""";

    private static string WithEngineKey(string keyAndValue) => $$"""{ "engine": { {{keyAndValue}} } }""";

    private static string WithJournalKey(string keyAndValue) => $$"""{ "engine": { "journal": { {{keyAndValue}} } } }""";

    public static TheoryData<string, string> BadFiles => new()
    {
        // unknown top-level key: a typo of "engine" must not silently run on defaults
        { """{ "engnie": { } }""", "engnie" },
        // unknown engine key (typo of mdRingCapacity)
        { WithEngineKey("\"mdRingCapcity\": 4096"), "engine.mdRingCapcity" },
        { WithJournalKey("\"segmentSzie\": 65536"), "engine.journal.segmentSzie" },
        // wrong JSON types
        { WithEngineKey("\"mdRingCapacity\": \"4096\""), "engine.mdRingCapacity" },
        { WithEngineKey("\"lockMemory\": \"yes\""), "engine.lockMemory" },
        { WithEngineKey("\"journal\": []"), "engine.journal" },
        { WithEngineKey("\"threads\": {}"), "engine.threads" },
        { WithEngineKey("\"heartbeatInterval\": 100"), "engine.heartbeatInterval" },
        { WithJournalKey("\"journalTicks\": 1"), "engine.journal.journalTicks" },
        { """{ "engine": 7 }""", "engine" },
        // ring capacities: a power of two of at least 1024
        { WithEngineKey("\"mdRingCapacity\": 3000"), "engine.mdRingCapacity" },
        { WithEngineKey("\"cmdRingCapacity\": 512"), "engine.cmdRingCapacity" },
        { WithEngineKey("\"mdRingCapacity\": 4294967296"), "engine.mdRingCapacity" },
        // bad values elsewhere
        { WithEngineKey("\"heartbeatInterval\": \"soon\""), "engine.heartbeatInterval" },
        { WithEngineKey("\"heartbeatInterval\": \"10us\""), "engine.heartbeatInterval" },
        { WithJournalKey("\"segmentSize\": 100000"), "engine.journal.segmentSize" },
        { WithJournalKey("\"segmentSize\": 32768"), "engine.journal.segmentSize" },
        { WithJournalKey("\"fsync\": \"sometimes\""), "engine.journal.fsync" },
        { WithJournalKey("\"fsync\": \"periodic:10us\""), "engine.journal.fsync" },
        { WithJournalKey("\"fsync\": \"periodically\""), "engine.journal.fsync" },
        { WithJournalKey("\"retainSegments\": -1"), "engine.journal.retainSegments" },
        { WithJournalKey("\"dir\": \" \""), "engine.journal.dir" },
        // threads
        { WithThreads($$"""[{ "name": "t", "cpus": "0-x", "agents": {{AllAgents}} }]"""), "engine.threads[0].cpus" },
        { WithThreads($$"""[{ "name": "t", "cpus": "3-1", "agents": {{AllAgents}} }]"""), "engine.threads[0].cpus" },
        { WithThreads($$"""[{ "name": "t", "idle": "spinny", "agents": {{AllAgents}} }]"""), "engine.threads[0].idle" },
        { WithThreads("""[{ "name": "t", "agents": ["market-data", "risk", "control", "conductor"] }]"""), "engine.threads[0].agents[1]" },
        { WithThreads("""[{ "name": "t", "agents": ["market-data", 3] }]"""), "engine.threads[0].agents[1]" },
        { WithThreads($$"""[{ "agents": {{AllAgents}} }]"""), "engine.threads[0].name" },
        { WithThreads("""[{ "name": "t" }]"""), "engine.threads[0].agents" },
        { WithThreads($$"""[{ "name": "t", "agents": {{AllAgents}}, "priority": 99 }]"""), "engine.threads[0].priority" },
        // the same agent on two threads
        { WithThreads($$"""[{ "name": "a", "agents": {{AllAgents}} }, { "name": "b", "agents": ["control"] }]"""), "engine.threads[1].agents" },
        // an agent on no thread
        { WithThreads($$"""[{ "name": "t", "agents": {{AgentsJson(EngineAgentNames.All.Where(a => a != "conductor"))}} }]"""), "engine.threads" },
        { WithThreads("[]"), "engine.threads" },
        {
            // the journal has one writer: every journaling agent must share a thread
            WithThreads($$"""
                [{ "name": "a", "agents": {{AgentsJson(EngineAgentNames.All.Where(a => a != "conductor"))}} },
                 { "name": "b", "agents": ["conductor"] }]
                """),
            "engine.threads[1].agents"
        },
        // engine names become a directory under shmDir
        { WithEngineKey("\"name\": \"a/b\""), "engine.name" },
        { WithEngineKey("\"name\": \"..\""), "engine.name" },
        { WithEngineKey("\"name\": \"\""), "engine.name" },
        { WithEngineKey("\"shmDir\": \"\""), "engine.shmDir" },
    };

    [Fact]
    public void Defaults_AreValidAndUsedForAnEmptyFile()
    {
        var defaults = new EngineConfig();

        Assert.Same(defaults, EngineConfigLoader.Validate(defaults));
        EngineConfig parsed = EngineConfigLoader.Parse("{}");
        Assert.Equal("default", parsed.Name);
        Assert.Equal("/dev/shm/llt/default/md.ring", parsed.MdRingPath);
        Assert.Equal(EngineConfig.DefaultMdRingCapacity, parsed.MdRingCapacity);
        Assert.Equal(EngineConfig.DefaultCmdRingCapacity, parsed.CmdRingCapacity);
        Assert.Equal(1_000_000_000, parsed.HeartbeatIntervalNs);
        Assert.Equal(JournalConfig.DefaultSegmentLength, parsed.Journal.SegmentLength);
        Assert.Equal("none", parsed.Journal.Fsync);
        Assert.True(parsed.Journal.JournalTicks);
        AgentThreadConfig thread = Assert.Single(parsed.Threads);
        Assert.Equal(EngineAgentNames.All, thread.AgentRoleNames);
    }

    [Fact]
    public void Parse_EngineSectionWithOnlyAName_KeepsEveryOtherDefault()
    {
        EngineConfig parsed = EngineConfigLoader.Parse("""{ "engine": { "name": "x", "journal": { "fsync": "roll" } } }""");

        Assert.Equal("x", parsed.Name);
        Assert.Equal("/dev/shm/llt/x/counters.dat", parsed.CountersPath);
        Assert.Equal("roll", parsed.Journal.Fsync);
        Assert.Equal("data/journal", parsed.Journal.Directory);
        Assert.Equal(EngineConfig.DefaultMdRingCapacity, parsed.MdRingCapacity);
        Assert.Single(parsed.Threads);
    }

    [Fact]
    public void LoadFile_FullValidFile_YieldsEveryValueWritten()
    {
        string path = Path.Combine(Path.GetTempPath(), $"llt-config-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, FullFile);
        EngineConfig config;
        try
        {
            config = EngineConfigLoader.LoadFile(path);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal("paper-1", config.Name);
        Assert.Equal("/dev/shm/llt-paper", config.ShmDirectory);
        Assert.Equal("/dev/shm/llt-paper/paper-1/cmd.ring", config.CmdRingPath);
        Assert.Equal(4096, config.MdRingCapacity);
        Assert.Equal(2048, config.CmdRingCapacity);
        Assert.Equal(250_000_000, config.HeartbeatIntervalNs);
        Assert.True(config.LockMemory);
        Assert.Equal("/var/lib/llt/journal", config.Journal.Directory);
        Assert.Equal(1L << 20, config.Journal.SegmentLength);
        Assert.Equal("periodic:50ms", config.Journal.Fsync);
        Assert.Equal(3, config.Journal.RetainSegments);
        Assert.Equal("/var/lib/llt/archive", config.Journal.ArchiveDirectory);
        Assert.False(config.Journal.JournalTicks);
        AgentThreadConfig thread = Assert.Single(config.Threads);
        Assert.Equal("trader", thread.Name);
        Assert.Equal(CpuSet.Of(1), thread.Cpus);
        Assert.Equal("busy-spin", thread.IdleStrategy.ToString());
        Assert.Equal(EngineAgentNames.All, thread.AgentRoleNames);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Parse_BadFile_ThrowsConfigExceptionNamingTheKey(string json, string key)
    {
        var exception = Assert.Throws<ConfigException>(() => EngineConfigLoader.Parse(json));

        Assert.Equal(key, exception.Key);
        Assert.False(string.IsNullOrWhiteSpace(exception.Problem));
        Assert.Equal($"config: {key}: {exception.Problem}", exception.Message);
    }

    [Fact]
    public void Parse_UnknownEngineKey_ListsTheKnownKeys()
    {
        var exception = Assert.Throws<ConfigException>(() => EngineConfigLoader.Parse(WithEngineKey("\"heartbeatIntervall\": \"1s\"")));

        Assert.Contains("heartbeatInterval", exception.Problem, StringComparison.Ordinal);
        Assert.Contains("unknown key", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AgentOnTwoThreads_NamesTheAgent()
    {
        var exception = Assert.Throws<ConfigException>(() => EngineConfigLoader.Parse(
            WithThreads($$"""[{ "name": "a", "agents": {{AllAgents}} }, { "name": "b", "agents": ["control"] }]""")));

        Assert.Contains("'control'", exception.Problem, StringComparison.Ordinal);
        Assert.Contains("more than one thread", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AgentMissing_NamesTheMissingAgent()
    {
        var exception = Assert.Throws<ConfigException>(() => EngineConfigLoader.Parse(
            WithThreads($$"""[{ "name": "t", "agents": {{AgentsJson(EngineAgentNames.All.Where(a => a != "market-data"))}} }]""")));

        Assert.Contains("'market-data'", exception.Problem, StringComparison.Ordinal);
        Assert.Contains("not placed", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidJson_NamesTheLine()
    {
        const string json = "{\n  \"engine\": {\n    \"name\": \"x\",,\n  }\n}\n";

        var exception = Assert.Throws<ConfigException>(() => EngineConfigLoader.Parse(json));

        Assert.Equal("(file)", exception.Key);
        Assert.Contains("line 3", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_MissingFile_ThrowsConfigExceptionNamingThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"llt-config-missing-{Guid.NewGuid():N}.json");

        var exception = Assert.Throws<ConfigException>(() => EngineConfigLoader.LoadFile(path));

        Assert.Equal("(file)", exception.Key);
        Assert.Contains(path, exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConfigBuiltInCodeWithUnknownAgent_ThrowsNamingTheThread()
    {
        var config = new EngineConfig
        {
            Threads = [AgentThreadConfig.Parse("trader", "", "backoff", [.. EngineAgentNames.All, "risk"])],
        };

        var exception = Assert.Throws<ConfigException>(() => EngineConfigLoader.Validate(config));

        Assert.Equal("engine.threads[0].agents", exception.Key);
        Assert.Contains("'risk'", exception.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none", "none", 0)]
    [InlineData("roll", "roll", 0)]
    [InlineData("periodic", "periodic", 100_000_000)]
    [InlineData("periodic:250ms", "periodic", 250_000_000)]
    public void TryParseFsync_KnownPolicies_GiveModeAndInterval(string text, string mode, long intervalNs)
    {
        Assert.True(EngineConfigLoader.TryParseFsync(text, out string parsedMode, out long parsedIntervalNs, out string? error), error);
        Assert.Equal(mode, parsedMode);
        Assert.Equal(intervalNs, parsedIntervalNs);
    }

    [Theory]
    [InlineData("periodically")]
    [InlineData("periodic100ms")]
    [InlineData("periodic:0ms")]
    [InlineData("always")]
    public void TryParseFsync_UnknownPolicies_AreRefusedWithAReason(string text)
    {
        Assert.False(EngineConfigLoader.TryParseFsync(text, out _, out _, out string? error));
        Assert.Contains(text, error, StringComparison.Ordinal);
    }
}
