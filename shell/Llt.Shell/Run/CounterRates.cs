namespace Llt.Shell.Run;

/// <summary>Per-second rates over the last sampling interval: orders, fills and rejects as journaled; ticks from the engine's counters (0 across an engine restart, when the counters start over).</summary>
public readonly record struct CounterRates(double OrdersPerSecond, double FillsPerSecond, double RejectsPerSecond, double TicksPerSecond);
