using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class CpuSetTests
{
    [Theory]
    [InlineData("2,4-6", new[] { 2, 4, 5, 6 }, "2,4-6")]
    [InlineData("0", new[] { 0 }, "0")]
    [InlineData(" 6-4 ,", null, null)]
    [InlineData("7,1-3,2", new[] { 1, 2, 3, 7 }, "1-3,7")]
    [InlineData("0-1", new[] { 0, 1 }, "0-1")]
    [InlineData("", new int[0], "")]
    [InlineData(" 3 - 4 , 9 ", new[] { 3, 4, 9 }, "3-4,9")]
    public void TryParse_KernelListFormat(string text, int[]? cpus, string? canonical)
    {
        bool ok = CpuSet.TryParse(text, out CpuSet? set, out string? error);

        if (cpus is null)
        {
            Assert.False(ok);
            Assert.Contains($"\"{text}\"", error, StringComparison.Ordinal);
            return;
        }

        Assert.True(ok, error);
        Assert.Equal(cpus, set!.Cpus.ToArray());
        Assert.Equal(canonical, set.ToString());
    }

    [Theory]
    [InlineData("a")]
    [InlineData("1,,2")]
    [InlineData("-1")]
    [InlineData("+3")]
    [InlineData("1-")]
    [InlineData("1024")]
    [InlineData("2-1")]
    public void Parse_Bad_ThrowsFormatExceptionNamingTheValue(string text)
    {
        var exception = Assert.Throws<FormatException>(() => CpuSet.Parse(text));

        Assert.Contains($"\"{text}\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_SortsAndDeduplicates_AndRejectsOutOfRange()
    {
        CpuSet set = CpuSet.Of(5, 1, 5, 2);

        Assert.Equal("1-2,5", set.ToString());
        Assert.True(set.Contains(5));
        Assert.False(set.Contains(3));
        Assert.True(CpuSet.Parse("1,5").IsSubsetOf(set));
        Assert.False(CpuSet.Parse("1,3").IsSubsetOf(set));
        Assert.Equal(CpuSet.Parse("1-2,5"), set);
        Assert.Equal(CpuSet.Parse("1-2,5").GetHashCode(), set.GetHashCode());
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuSet.Of(CpuSet.MaxCpus));
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuSet.Of(-1));
    }
}
