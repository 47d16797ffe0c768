namespace Llt.Hotpath.Runtime;

/// <summary>
/// Drives an agent on the caller's thread: the single-thread engine mode (one loop calling several
/// invokers) and tests. <see cref="Invoke"/> does one duty cycle with no idling; the caller decides when to
/// call again. Exceptions from the agent go to the error handler, never to the caller.
/// Not thread-safe: one thread starts, invokes and closes.
/// </summary>
public sealed class AgentInvoker : IDisposable
{
    private readonly IAgent _agent;
    private readonly IErrorHandler _errorHandler;
    private bool _isStarted;
    private bool _isRunning;
    private bool _isClosed;

    public AgentInvoker(IAgent agent, IErrorHandler errorHandler)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(errorHandler);
        _agent = agent;
        _errorHandler = errorHandler;
    }

    public IAgent Agent => _agent;

    public bool IsStarted => _isStarted;

    /// <summary>Started, not closed, and <c>OnStart</c> did not fail.</summary>
    public bool IsRunning => _isRunning;

    public bool IsClosed => _isClosed;

    /// <summary>Calls <c>OnStart</c> once. If it throws, the error is reported and the invoker closes the agent.</summary>
    public void Start()
    {
        if (_isStarted || _isClosed)
        {
            return;
        }

        _isStarted = true;
        try
        {
            _agent.OnStart();
            _isRunning = true;
        }
        catch (Exception exception)
        {
            _errorHandler.OnError(exception);
            Close();
        }
    }

    /// <summary>One duty cycle: returns the agent's work count, or 0 when not running or when <c>DoWork</c> threw.</summary>
    public int Invoke()
    {
        if (!_isRunning)
        {
            return 0;
        }

        try
        {
            return _agent.DoWork();
        }
        catch (Exception exception)
        {
            _errorHandler.OnError(exception);
            return 0;
        }
    }

    /// <summary>Calls <c>OnClose</c> exactly once (even if never started); idempotent.</summary>
    public void Close()
    {
        if (_isClosed)
        {
            return;
        }

        _isRunning = false;
        _isClosed = true;
        try
        {
            _agent.OnClose();
        }
        catch (Exception exception)
        {
            _errorHandler.OnError(exception);
        }
    }

    public void Dispose()
    {
        Close();
    }
}
