using Llt.Hotpath.Config;
using Llt.Hotpath.Strategies;

namespace Llt.Hotpath.Tests.Strategies;

public sealed class StrategyParameterReaderTests
{
    private static StrategyParameterReader Reader(params (string Name, double Value)[] parameters) =>
        new(StrategyTestHarness.SingleInstrumentConfig("s", "any", 100, true, parameters), strategyIndex: 3);

    [Fact]
    public void MissingKeys_TakeTheirDefaults()
    {
        StrategyParameterReader reader = Reader();
        Assert.Equal(7, reader.WholeNumber("n", 7, 1, 10));
        Assert.Equal(0.5, reader.PositiveNumber("x", 0.5, 1));
        Assert.Equal(0.0, reader.NonNegativeNumber("y", 0, 1));
        Assert.True(reader.Flag("f", true));
        Assert.Equal(2.5, reader.Value("v", 2.5));
    }

    [Fact]
    public void ValuesAtTheBounds_AreAccepted()
    {
        StrategyParameterReader reader = Reader(("n", 10), ("x", 1), ("y", 0), ("f", 0));
        Assert.Equal(10, reader.WholeNumber("n", 7, 1, 10));
        Assert.Equal(1.0, reader.PositiveNumber("x", 0.5, 1));
        Assert.Equal(0.0, reader.NonNegativeNumber("y", 0.5, 1));
        Assert.False(reader.Flag("f", true));
    }

    [Theory]
    [InlineData(0.5, "must be a whole number from 1 to 10, found 0.5")]
    [InlineData(0, "must be a whole number from 1 to 10, found 0")]
    [InlineData(11, "must be a whole number from 1 to 10, found 11")]
    public void WholeNumber_OutOfRangeOrFractional_ThrowsNamingTheKey(double value, string problem)
    {
        ConfigException e = Assert.Throws<ConfigException>(() => Reader(("n", value)).WholeNumber("n", 7, 1, 10));
        Assert.Equal("strategies[3].parameters.n", e.Key);
        Assert.Equal(problem, e.Problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(2)]
    public void PositiveNumber_NotInZeroExclusiveToMax_Throws(double value)
    {
        ConfigException e = Assert.Throws<ConfigException>(() => Reader(("x", value)).PositiveNumber("x", 0.5, 1));
        Assert.Equal("strategies[3].parameters.x", e.Key);
        Assert.StartsWith("must be greater than 0 and at most 1", e.Problem);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(1.01)]
    public void NonNegativeNumber_NotInZeroToMax_Throws(double value)
    {
        ConfigException e = Assert.Throws<ConfigException>(() => Reader(("y", value)).NonNegativeNumber("y", 0.5, 1));
        Assert.StartsWith("must be at least 0 and at most 1", e.Problem);
    }

    [Fact]
    public void Check_WhenInvalid_ThrowsTheRuleAndTheValue()
    {
        StrategyParameterReader reader = Reader();
        reader.Check(true, "slow_period", 5, "above fast_period");
        ConfigException e = Assert.Throws<ConfigException>(() => reader.Check(false, "slow_period", 5, "above fast_period"));
        Assert.Equal("strategies[3].parameters.slow_period", e.Key);
        Assert.Equal("must be above fast_period, found 5", e.Problem);
    }
}
