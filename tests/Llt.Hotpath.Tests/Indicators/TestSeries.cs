namespace Llt.Hotpath.Tests.Indicators;

/// <summary>Deterministic input series: random, and the crafted shapes that break rolling arithmetic.</summary>
internal static class TestSeries
{
    public static readonly string[] Names = ["random", "constant", "ramp", "spikes", "negative", "around1e6", "steps"];

    public static double[] Create(string name, int length) => name switch
    {
        "random" => Random(length, seed: 1, center: 50.0, scale: 10.0),
        "constant" => Constant(length, 101.25),
        "ramp" => Ramp(length, start: -3.0, step: 0.37),
        "spikes" => Spikes(length, seed: 2),
        "negative" => Random(length, seed: 3, center: -500.0, scale: 200.0),
        "around1e6" => Random(length, seed: 4, center: 1e6, scale: 0.01),
        "steps" => Steps(length),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown series"),
    };

    public static double[] Random(int length, int seed, double center, double scale)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = center + scale * (2.0 * random.NextDouble() - 1.0);
        }

        return values;
    }

    public static double[] Constant(int length, double value)
    {
        var values = new double[length];
        Array.Fill(values, value);
        return values;
    }

    public static double[] Ramp(int length, double start, double step)
    {
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = start + step * i;
        }

        return values;
    }

    /// <summary>Small noise with rare ±1e6 spikes: a rolling sum must forget a spike once it leaves the window.</summary>
    public static double[] Spikes(int length, int seed)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = random.NextDouble();
            if (i % 37 == 5)
            {
                values[i] = (i % 2 == 0 ? 1e6 : -1e6) + random.NextDouble();
            }
        }

        return values;
    }

    /// <summary>Flat plateaus with jumps: windows that are exactly constant after a move.</summary>
    public static double[] Steps(int length)
    {
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = 100.0 + 3.3 * (i / 25);
        }

        return values;
    }

    /// <summary>Positive volumes, some zero, as integers (share counts).</summary>
    public static double[] Volumes(int length, int seed)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = random.Next(0, 5) == 0 ? 0.0 : random.Next(1, 1000);
        }

        return values;
    }

    public static double Spread(double[] values) => values.Length == 0 ? 0.0 : values.Max() - values.Min();

    public static double MaxAbs(double[] values) => values.Length == 0 ? 0.0 : values.Max(Math.Abs);
}
