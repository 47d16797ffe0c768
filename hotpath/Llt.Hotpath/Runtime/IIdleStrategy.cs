namespace Llt.Hotpath.Runtime;

/// <summary>
/// What a duty cycle does between units of work: <c>idleStrategy.Idle(agent.DoWork())</c>. Implementations
/// return immediately when work was done and otherwise spin, yield or park, trading CPU for wake-up latency.
/// An instance keeps per-thread state and must not be shared between threads.
/// </summary>
/// <example>
/// <code>
/// IIdleStrategy idle = IdleStrategyConfig.Parse("backoff:spins=100,yields=10,minPark=1us,maxPark=1ms").CreateStrategy();
/// while (running)
/// {
///     idle.Idle(agent.DoWork());
/// }
/// </code>
/// </example>
public interface IIdleStrategy
{
    /// <summary>Idles if <paramref name="workCount"/> is zero; resets the back-off state if it is positive.</summary>
    void Idle(int workCount);

    /// <summary>Idles once unconditionally (one step of the back-off, for loops that do not count work).</summary>
    void Idle();

    /// <summary>Returns to the least idle state, as after work was done.</summary>
    void Reset();
}
