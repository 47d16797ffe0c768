using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

public sealed class RollingVolumeAverageTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(300)]
    public void Update_MatchesRawWindowSumAndMean(int window)
    {
        double[] volumes = TestSeries.Volumes(300, seed: 9);
        var average = new RollingVolumeAverage(window);
        double[] expected = ReferenceIndicators.Sma(volumes, window);
        for (int i = 0; i < volumes.Length; i++)
        {
            average.Update(volumes[i]);
            SeriesAssert.Close(expected[i], average.Value, 1e-9, "average", i);
            double expectedSum = ReferenceIndicators.Window(volumes, i, Math.Min(window, i + 1)).Sum();
            // integer share counts sum exactly
            Assert.Equal(expectedSum, average.Sum);
        }
    }
}
