using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class AgentThreadConfigTests
{
    [Fact]
    public void Parse_FillsEveryField()
    {
        var config = AgentThreadConfig.Parse("trader", "2,4-5", "backoff:spins=100", "feed", "trader");

        Assert.Equal("trader", config.Name);
        Assert.Equal(CpuSet.Of(2, 4, 5), config.Cpus);
        Assert.Equal(IdleStrategyKind.Backoff, config.IdleStrategy.Kind);
        Assert.Equal(100, config.IdleStrategy.MaxSpins);
        Assert.Equal(["feed", "trader"], config.AgentRoleNames);
        Assert.Equal("trader: cpus=[2,4-5] idle=backoff:spins=100,yields=5,minPark=1us,maxPark=1ms agents=feed,trader", config.ToString());
    }

    [Fact]
    public void Parse_BadCpuListOrIdleStrategy_NamesTheValue()
    {
        var cpus = Assert.Throws<FormatException>(() => AgentThreadConfig.Parse("t", "2-x", "yield", "a"));
        var idle = Assert.Throws<FormatException>(() => AgentThreadConfig.Parse("t", "2", "spinny", "a"));

        Assert.Contains("\"2-x\"", cpus.Message, StringComparison.Ordinal);
        Assert.Contains("\"spinny\"", idle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RejectsNoNameNoAgentsOrDuplicateAgents()
    {
        Assert.Throws<ArgumentException>(() => AgentThreadConfig.Parse(" ", "", "yield", "a"));
        Assert.Throws<ArgumentException>(() => AgentThreadConfig.Parse("t", "", "yield"));
        var duplicate = Assert.Throws<ArgumentException>(() => AgentThreadConfig.Parse("t", "", "yield", "a", "a"));
        Assert.Contains("'a' twice", duplicate.Message, StringComparison.Ordinal);
    }
}
