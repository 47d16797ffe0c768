using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

/// <summary>
/// Measures allocations on the runner's own thread across a window of duty cycles, so the figure covers
/// the runner loop and idle strategy, not just the agent.
/// </summary>
internal sealed class AllocationProbeAgent : IAgent
{
    private readonly long _warmUpCycles;
    private readonly long _endCycle;
    private long _cycles;
    private long _startBytes;
    private long _allocatedBytes = -1;
    private volatile bool _isDone;

    public AllocationProbeAgent(long warmUpCycles, long measuredCycles)
    {
        _warmUpCycles = warmUpCycles;
        _endCycle = warmUpCycles + measuredCycles;
    }

    public string RoleName => "alloc-probe";

    public bool IsDone => _isDone;

    public long AllocatedBytes => Volatile.Read(ref _allocatedBytes);

    public int DoWork()
    {
        long cycle = ++_cycles;
        if (cycle == _warmUpCycles)
        {
            _startBytes = GC.GetAllocatedBytesForCurrentThread();
        }
        else if (cycle == _endCycle)
        {
            Volatile.Write(ref _allocatedBytes, GC.GetAllocatedBytesForCurrentThread() - _startBytes);
            _isDone = true;
        }

        // Alternate work and no work so the idle strategy both idles and resets.
        return (int)(cycle & 1);
    }
}
