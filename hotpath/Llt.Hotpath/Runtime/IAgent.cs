namespace Llt.Hotpath.Runtime;

/// <summary>
/// A unit of work with a duty cycle, driven by an <see cref="AgentRunner"/> on its own thread, by a
/// <see cref="CompositeAgent"/> sharing a thread, or by an <see cref="AgentInvoker"/> on the caller's thread.
/// All three methods are called on the same thread, so an agent owns its state without locks; other threads
/// reach it only through a ring or a proxy (STYLE.md §4).
/// </summary>
/// <example>
/// <code>
/// public sealed class FeedAgent : IAgent
/// {
///     public string RoleName => "feed";
///     public int DoWork() => _ring.Drain(_handler, limit: 64);   // work done = messages handled
/// }
/// </code>
/// </example>
public interface IAgent
{
    /// <summary>Name used in thread names, logs and the engine config's agent-to-thread mapping.</summary>
    string RoleName { get; }

    /// <summary>
    /// Does one bounded slice of work and returns how much was done (0 means idle, which lets the idle
    /// strategy back off). Must not block and, on the hot path, must not allocate.
    /// </summary>
    int DoWork();

    /// <summary>Called once on the agent's thread before the first <see cref="DoWork"/>.</summary>
    void OnStart()
    {
    }

    /// <summary>Called once on the agent's thread after the last <see cref="DoWork"/>, also when start failed.</summary>
    void OnClose()
    {
    }
}
