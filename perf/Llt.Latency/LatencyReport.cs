using System.Diagnostics;
using System.Globalization;

namespace Llt.Latency;

/// <summary>Round-trip percentiles of one run, from raw samples in Stopwatch ticks (sorted, no histogram binning).</summary>
internal sealed class LatencyReport
{
    private LatencyReport(string name, int samples, double p50Ns, double p99Ns, double p999Ns, double maxNs)
    {
        Name = name;
        Samples = samples;
        P50Ns = p50Ns;
        P99Ns = p99Ns;
        P999Ns = p999Ns;
        MaxNs = maxNs;
    }

    public string Name { get; }

    public int Samples { get; }

    public double P50Ns { get; }

    public double P99Ns { get; }

    public double P999Ns { get; }

    public double MaxNs { get; }

    public static LatencyReport FromTicks(string name, long[] ticks)
    {
        Array.Sort(ticks);
        double nsPerTick = 1e9 / Stopwatch.Frequency;
        double At(double quantile) => ticks[Math.Min(ticks.Length - 1, (int)Math.Ceiling(quantile * ticks.Length) - 1)] * nsPerTick;
        return new LatencyReport(name, ticks.Length, At(0.50), At(0.99), At(0.999), ticks[^1] * nsPerTick);
    }

    public static string Header => string.Format(CultureInfo.InvariantCulture,
        "{0,-28} {1,9} {2,10} {3,10} {4,10} {5,12}", "round trip (ns)", "samples", "p50", "p99", "p99.9", "max");

    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0,-28} {1,9} {2,10:F0} {3,10:F0} {4,10:F0} {5,12:F0}", Name, Samples, P50Ns, P99Ns, P999Ns, MaxNs);
}
