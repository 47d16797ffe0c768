namespace Llt.Baselines.Messages;

/// <summary>One order's tick-to-order time, with the triggering tick's receive time (both Stopwatch ticks).</summary>
public readonly record struct LatencySample(long TickReceivedTimestamp, long TickToOrderTicks);
