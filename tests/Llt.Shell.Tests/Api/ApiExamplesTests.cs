using System.Text.RegularExpressions;
using Llt.Shell.Api;

namespace Llt.Shell.Tests.Api;

/// <summary>docs/API.md's examples run against a real engine started through the API.</summary>
public sealed partial class ApiExamplesTests
{
    private static PlatformStartOptions Options(EngineTestSite site)
    {
        string dotEnv = Path.Combine(site.Root, "empty.env");
        File.WriteAllText(dotEnv, "");
        return Options(site, dotEnv);
    }

    private static PlatformStartOptions Options(EngineTestSite site, string dotEnv) => new()
    {
        ConfigPath = site.WriteConfig($$"""
            {
              "engine": { "name": "{{site.Name}}", "heartbeatInterval": "100ms", "journal": { "dir": "{{site.JournalDirectory}}", "segmentSize": 4194304 } },
              "feed": { "type": "simulator", "mode": "paced", "rate": 2000 }
            }
            """),
        DotEnvPath = dotEnv,
        Environment = new Dictionary<string, string> { ["LLT_ENGINE"] = EngineProcess.EngineDll, ["HEALTH_PORT"] = "0" },
        StartTimeout = EngineProcess.Timeout,
    };

    [Fact]
    public async Task Start_SetLimits_ReadMetrics()
    {
        using var site = new EngineTestSite();
        (RiskMetrics? metrics, bool running) = await ApiExamples.StartSetLimitsReadMetrics(Options(site));
        Assert.True(running);

        Assert.NotNull(metrics);
        Assert.True(metrics.Var99 >= metrics.Var95, $"VaR 99% {metrics.Var99} below VaR 95% {metrics.Var95}");
        Assert.True(metrics.MaxDrawdown >= 0);
        // the limits are in the engine's journal as applied SetLimit commands
        var applied = site.ReadJournal().FindAll(f => f.Type == Llt.Sbe.SetLimitDecoder.TemplateId);
        Assert.Equal(3, applied.Count);
        var position = Llt.Sbe.SetLimitDecoder.Decode(applied[0].Payload, 0);
        Assert.Equal((Llt.Sbe.LimitType.Position, Llt.Sbe.LimitScope.Instrument, 0, 5000L), (position.LimitType, position.Scope, position.InstrumentId, position.Value));
        Assert.Equal(Llt.Sbe.LimitType.Volatility, Llt.Sbe.SetLimitDecoder.Decode(applied[1].Payload, 0).LimitType);
        Assert.Equal(Llt.Sbe.LimitType.Liquidity, Llt.Sbe.SetLimitDecoder.Decode(applied[2].Payload, 0).LimitType);
    }

    [Fact]
    public async Task ARefusedLimit_Throws_NamingTheProblem()
    {
        using var site = new EngineTestSite();

        string message = await ApiExamples.RefusedLimit(Options(site));

        Assert.Contains("NOPE", message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryExampleOnThePage_IsCompiledHere() => CheckExamples();

    private static void CheckExamples()
    {
        // SbeTestSupport walks up from the test assembly first: CI builds map source paths to /_/, so this
        // file's own path alone does not lead back to the repository.
        string root = SbeTestSupport.RepositoryRoot();

        string page = File.ReadAllText(Path.Combine(root, "docs", "API.md"));
        string examples = Normalize(File.ReadAllText(Path.Combine(root, "tests", "Llt.Shell.Tests", "Api", "ApiExamples.cs")));
        MatchCollection blocks = CodeBlock().Matches(page);
        Assert.True(blocks.Count >= 3, "docs/API.md has no C# examples");
        foreach (Match block in blocks)
        {
            Assert.True(examples.Contains(Normalize(block.Groups[1].Value), StringComparison.Ordinal), $"docs/API.md example not compiled by the tests:\n{block.Groups[1].Value}");
        }
    }

    private static string Normalize(string code) => Whitespace().Replace(code, " ").Trim();

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
