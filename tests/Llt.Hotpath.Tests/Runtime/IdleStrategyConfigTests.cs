using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class IdleStrategyConfigTests
{
    [Theory]
    [InlineData("busy-spin", "busy-spin")]
    [InlineData("  Busy-Spin ", "busy-spin")]
    [InlineData("yield", "yield")]
    [InlineData("noop", "noop")]
    [InlineData("sleep", "sleep:1ms")]
    [InlineData("sleep:1ms", "sleep:1ms")]
    [InlineData("sleep:250us", "sleep:250us")]
    [InlineData("sleep:500µs", "sleep:500us")]
    [InlineData("sleep: 2s", "sleep:2s")]
    [InlineData("sleep:1500ns", "sleep:1500ns")]
    [InlineData("backoff", "backoff:spins=10,yields=5,minPark=1us,maxPark=1ms")]
    [InlineData("backoff:spins=100,yields=10,minPark=1us,maxPark=1ms", "backoff:spins=100,yields=10,minPark=1us,maxPark=1ms")]
    [InlineData("backoff: maxPark=10ms , spins=0", "backoff:spins=0,yields=5,minPark=1us,maxPark=10ms")]
    [InlineData("BACKOFF:MinPark=5us", "backoff:spins=10,yields=5,minPark=5us,maxPark=1ms")]
    public void Parse_GoodStrings_GiveTheCanonicalForm(string text, string canonical)
    {
        IdleStrategyConfig config = IdleStrategyConfig.Parse(text);

        Assert.Equal(canonical, config.ToString());
        Assert.Equal(canonical, IdleStrategyConfig.Parse(config.ToString()).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("spin")]
    [InlineData("busy-spin:1ms")]
    [InlineData("sleep:")]
    [InlineData("sleep:1")]
    [InlineData("sleep:1 parsec")]
    [InlineData("sleep:0ms")]
    [InlineData("sleep:-1ms")]
    [InlineData("sleep:99999999999999999999s")]
    [InlineData("sleep:10000000000s")]
    [InlineData("backoff:")]
    [InlineData("backoff:spins")]
    [InlineData("backoff:spins=-1")]
    [InlineData("backoff:spins=ten")]
    [InlineData("backoff:spins=1,spins=2")]
    [InlineData("backoff:naps=3")]
    [InlineData("backoff:minPark=0ns")]
    [InlineData("backoff:minPark=1ms,maxPark=1us")]
    [InlineData("backoff:maxPark=1")]
    public void Parse_BadStrings_ThrowFormatExceptionNamingTheValue(string text)
    {
        var exception = Assert.Throws<FormatException>(() => IdleStrategyConfig.Parse(text));

        Assert.Contains($"\"{text}\"", exception.Message, StringComparison.Ordinal);
        Assert.Contains("expected busy-spin", exception.Message, StringComparison.Ordinal);
        Assert.False(IdleStrategyConfig.TryParse(text, out _, out string? error));
        Assert.Equal(exception.Message, error);
    }

    [Fact]
    public void Parse_BadBackoffKey_SaysWhichKey()
    {
        var exception = Assert.Throws<FormatException>(() => IdleStrategyConfig.Parse("backoff:naps=3"));

        Assert.Contains("unknown backoff parameter \"naps\"", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("busy-spin", typeof(BusySpinIdleStrategy))]
    [InlineData("yield", typeof(YieldingIdleStrategy))]
    [InlineData("noop", typeof(NoOpIdleStrategy))]
    [InlineData("sleep:3ms", typeof(SleepingIdleStrategy))]
    [InlineData("backoff", typeof(BackoffIdleStrategy))]
    public void CreateStrategy_BuildsTheNamedKind(string text, Type expected)
    {
        Assert.IsType(expected, IdleStrategyConfig.Parse(text).CreateStrategy());
    }

    [Fact]
    public void CreateStrategy_Backoff_CarriesTheParametersAndAFreshInstancePerCall()
    {
        IdleStrategyConfig config = IdleStrategyConfig.Parse("backoff:spins=100,yields=10,minPark=1us,maxPark=1ms");

        var first = Assert.IsType<BackoffIdleStrategy>(config.CreateStrategy());
        var second = config.CreateStrategy();

        Assert.NotSame(first, second);
        Assert.Equal(100, first.MaxSpins);
        Assert.Equal(10, first.MaxYields);
        Assert.Equal(1_000, first.MinParkPeriodNs);
        Assert.Equal(1_000_000, first.MaxParkPeriodNs);
    }

    [Fact]
    public void CreateStrategy_Sleep_UsesTheParkerAndPeriod()
    {
        var parker = new RecordingParker();
        IIdleStrategy idle = IdleStrategyConfig.Parse("sleep:7us").CreateStrategy(parker);

        idle.Idle(0);

        Assert.Equal([7_000L], parker.Parks);
    }

    [Fact]
    public void Factories_ValidateLikeTheParser()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IdleStrategyConfig.Sleep(0));
        Assert.Throws<ArgumentException>(() => IdleStrategyConfig.Backoff(minParkPeriodNs: 10, maxParkPeriodNs: 5));
        Assert.Equal("sleep:2ms", IdleStrategyConfig.Sleep(2_000_000).ToString());
    }
}
