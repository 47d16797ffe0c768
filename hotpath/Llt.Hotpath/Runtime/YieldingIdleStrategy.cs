namespace Llt.Hotpath.Runtime;

/// <summary>
/// Gives up the core with <c>sched_yield</c> when idle. Returns at once when no other thread wants the core,
/// so it still burns a full core on a quiet box but shares it with peers on a busy one.
/// </summary>
public sealed class YieldingIdleStrategy : IIdleStrategy
{
    public static readonly YieldingIdleStrategy Instance = new();

    public void Idle(int workCount)
    {
        if (workCount > 0)
        {
            return;
        }

        Thread.Yield();
    }

    public void Idle()
    {
        Thread.Yield();
    }

    public void Reset()
    {
    }
}
