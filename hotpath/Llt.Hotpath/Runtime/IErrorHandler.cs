namespace Llt.Hotpath.Runtime;

/// <summary>
/// Receives exceptions thrown by an agent's <c>DoWork</c>, <c>OnStart</c> or <c>OnClose</c>. Called on the
/// agent's thread; must not throw. The runner keeps running after an error from <c>DoWork</c>.
/// </summary>
/// <example>
/// <code>
/// var errors = new CountingErrorHandler(next: new LoggingErrorHandler(logger));
/// using var runner = new AgentRunner(agent, idle, errors);
/// ...
/// long seen = errors.ErrorCount;   // readable from any thread, e.g. published to a counter
/// </code>
/// </example>
public interface IErrorHandler
{
    void OnError(Exception exception);
}
