using System.Globalization;
using System.Text.Json;

namespace Llt.Latency;

/// <summary>What one pipeline did on the measured events of the <c>baseline</c> mode: throughput, tick-to-order, allocation, GCs.</summary>
internal sealed class PipelineFigures
{
    public required string Name { get; init; }

    public long Ticks { get; init; }

    public long Decisions { get; init; }

    public long Orders { get; init; }

    public long Rejected { get; init; }

    public double Seconds { get; init; }

    /// <summary>Tick-to-order samples behind the percentiles.</summary>
    public long LatencyCount { get; init; }

    public long P50Ns { get; init; }

    public long P90Ns { get; init; }

    public long P99Ns { get; init; }

    public long P999Ns { get; init; }

    public long MaxNs { get; init; }

    public long AllocatedBytes { get; init; }

    public int Gc0 { get; init; }

    public int Gc1 { get; init; }

    public int Gc2 { get; init; }

    public double TicksPerSecond => Ticks / Seconds;

    public double OrdersPerSecond => Orders / Seconds;

    public void Print(TextWriter output)
    {
        output.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "{0}: {1:N0} ticks in {2:F3} s = {3:N0} ticks/s; {4:N0} decisions, {5:N0} orders ({6:N0} orders/s), {7:N0} rejected",
            Name, Ticks, Seconds, TicksPerSecond, Decisions, Orders, OrdersPerSecond, Rejected));
        output.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "  tick-to-order ns (n={0:N0}): p50={1} p90={2} p99={3} p99.9={4} max={5}",
            LatencyCount, P50Ns, P90Ns, P99Ns, P999Ns, MaxNs));
        output.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "  allocated {0:N0} B ({1:F1} B/tick), GCs gen0/1/2 = {2}/{3}/{4}",
            AllocatedBytes, Ticks == 0 ? 0.0 : AllocatedBytes / (double)Ticks, Gc0, Gc1, Gc2));
    }

    public void WriteJson(Utf8JsonWriter w, string propertyName)
    {
        w.WriteStartObject(propertyName);
        w.WriteString("name", Name);
        w.WriteNumber("ticks", Ticks);
        w.WriteNumber("seconds", Seconds);
        w.WriteNumber("ticksPerSecond", TicksPerSecond);
        w.WriteNumber("decisions", Decisions);
        w.WriteNumber("orders", Orders);
        w.WriteNumber("ordersPerSecond", OrdersPerSecond);
        w.WriteNumber("rejected", Rejected);
        w.WriteStartObject("tickToOrderNs");
        w.WriteNumber("count", LatencyCount);
        w.WriteNumber("p50", P50Ns);
        w.WriteNumber("p90", P90Ns);
        w.WriteNumber("p99", P99Ns);
        w.WriteNumber("p999", P999Ns);
        w.WriteNumber("max", MaxNs);
        w.WriteEndObject();
        w.WriteNumber("allocatedBytes", AllocatedBytes);
        w.WriteNumber("gc0", Gc0);
        w.WriteNumber("gc1", Gc1);
        w.WriteNumber("gc2", Gc2);
        w.WriteEndObject();
    }
}
