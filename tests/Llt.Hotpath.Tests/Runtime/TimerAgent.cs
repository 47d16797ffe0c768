using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

/// <summary>An agent that fires on an interval read from its clock: the shape of heartbeats and risk timers.</summary>
internal sealed class TimerAgent : IAgent
{
    private readonly INanoClock _clock;
    private readonly long _intervalNs;
    private long _deadlineNs;

    public TimerAgent(INanoClock clock, long intervalNs)
    {
        _clock = clock;
        _intervalNs = intervalNs;
        _deadlineNs = clock.NanoTime() + intervalNs;
    }

    public string RoleName => "timer";

    public int Fired { get; private set; }

    public int DoWork()
    {
        long nowNs = _clock.NanoTime();
        if (nowNs - _deadlineNs < 0)
        {
            return 0;
        }

        Fired++;
        _deadlineNs = nowNs + _intervalNs;
        return 1;
    }
}
