namespace Llt.Hotpath.Runtime;

/// <summary>One calibration point: a TSC count and the CLOCK_MONOTONIC reading taken at (about) the same instant.</summary>
public readonly record struct TscSample(ulong Tsc, long MonotonicNs);
