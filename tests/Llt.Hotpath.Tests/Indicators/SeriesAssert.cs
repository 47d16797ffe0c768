namespace Llt.Hotpath.Tests.Indicators;

/// <summary>Element-wise comparison with NaN positions required to match exactly.</summary>
internal static class SeriesAssert
{
    public static void Close(double[] expected, double[] actual, double tolerance, string label)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Close(expected[i], actual[i], tolerance, label, i);
        }
    }

    public static void Close(double expected, double actual, double tolerance, string label, int index)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            Assert.True(
                double.IsNaN(expected) && double.IsNaN(actual),
                $"{label}[{index}]: expected {expected}, actual {actual}");
            return;
        }

        Assert.True(
            Math.Abs(expected - actual) <= tolerance,
            $"{label}[{index}]: expected {expected:R}, actual {actual:R}, |diff| {Math.Abs(expected - actual):E3} > {tolerance:E3}");
    }
}
