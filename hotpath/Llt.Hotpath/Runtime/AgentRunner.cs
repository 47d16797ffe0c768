namespace Llt.Hotpath.Runtime;

/// <summary>
/// Runs an agent's duty cycle, <c>idleStrategy.Idle(agent.DoWork())</c>, on a dedicated thread. On that
/// thread, in order: names it (Thread.Name and the kernel's comm), pins it to <see cref="Cpus"/> if given,
/// calls <c>OnStart</c>, loops until <see cref="Close()"/>, then calls <c>OnClose</c>. Exceptions from
/// <c>DoWork</c> go to the error handler and the loop keeps going; an exception from <c>OnStart</c> ends the
/// run (then <c>OnClose</c> still runs). A failed pin is reported to the error handler and the agent runs
/// unpinned, so a CPU list that does not fit the host degrades latency instead of stopping the engine.
/// </summary>
/// <example>
/// <code>
/// var errors = new CountingErrorHandler();
/// using var runner = new AgentRunner(agent, new BackoffIdleStrategy(), errors, "trader", CpuSet.Parse("2"));
/// runner.Start();
/// ...
/// runner.Close(TimeSpan.FromSeconds(1));   // false if the duty cycle did not exit in time
/// </code>
/// </example>
public sealed class AgentRunner : IDisposable
{
    public static readonly TimeSpan DefaultCloseTimeout = TimeSpan.FromSeconds(5);

    private const int StateNew = 0;
    private const int StateStarted = 1;
    private const int StateClosedBeforeStart = 2;

    private readonly IAgent _agent;
    private readonly IIdleStrategy _idleStrategy;
    private readonly IErrorHandler _errorHandler;
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _exited = new(false);
    // set once the runner thread has tried to pin itself (or had no CPUs to pin to)
    private readonly ManualResetEventSlim _placed = new(false);

    private int _state;
    private volatile bool _running;
    private volatile bool _isRunning;
    private volatile bool _isClosed;
    private volatile bool _isPinned;

    public AgentRunner(IAgent agent, IIdleStrategy idleStrategy, IErrorHandler errorHandler, string? threadName = null, CpuSet? cpus = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(idleStrategy);
        ArgumentNullException.ThrowIfNull(errorHandler);
        threadName ??= agent.RoleName;
        if (string.IsNullOrEmpty(threadName))
        {
            ThrowHelper.ThrowArgument(nameof(threadName), "a runner thread needs a name (the agent's RoleName is empty)");
        }

        _agent = agent;
        _idleStrategy = idleStrategy;
        _errorHandler = errorHandler;
        ThreadName = threadName;
        Cpus = cpus is null || cpus.IsEmpty ? null : cpus;

        // Background, so a runner someone forgot to close cannot keep the process alive after Main returns.
        _thread = new Thread(Run) { IsBackground = true, Name = threadName };
    }

    /// <summary>Builds a runner from a thread's config; <paramref name="agent"/> is the agent (or composite) for its roles.</summary>
    public static AgentRunner Create(AgentThreadConfig config, IAgent agent, IErrorHandler errorHandler)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new AgentRunner(agent, config.IdleStrategy.CreateStrategy(), errorHandler, config.Name, config.Cpus);
    }

    public IAgent Agent => _agent;

    public string ThreadName { get; }

    /// <summary>The CPUs the runner pins itself to, or null for no pinning.</summary>
    public CpuSet? Cpus { get; }

    /// <summary>True from <see cref="Start"/> until the duty cycle exits.</summary>
    public bool IsRunning => _isRunning;

    /// <summary>True once <c>OnClose</c> has returned (or thrown and been reported).</summary>
    public bool IsClosed => _isClosed;

    /// <summary>True once the runner thread pinned itself to <see cref="Cpus"/>.</summary>
    public bool IsPinned => _isPinned;

    /// <summary>
    /// Waits until the runner thread has tried to pin itself, so <see cref="IsPinned"/> is its answer and not the
    /// state before the thread ran. False if that did not happen within <paramref name="timeout"/>.
    /// </summary>
    public bool WaitUntilPlaced(TimeSpan timeout) => _placed.Wait(timeout);

    /// <summary>Starts the thread. Throws if already started or closed.</summary>
    public void Start()
    {
        // Set before the state change, so a Close that sees Started always clears it afterwards.
        _running = true;
        _isRunning = true;
        if (Interlocked.CompareExchange(ref _state, StateStarted, StateNew) != StateNew)
        {
            _running = false;
            _isRunning = false;
            ThrowHelper.ThrowInvalidOperation($"agent runner '{ThreadName}' was already started or closed");
        }

        _thread.Start();
    }

    public bool Close()
    {
        return Close(DefaultCloseTimeout);
    }

    /// <summary>
    /// Signals the duty cycle to stop and waits up to <paramref name="timeout"/> for it to exit and
    /// <c>OnClose</c> to run on the runner thread. Returns whether that finished in time; if not, the thread
    /// finishes on its own when the current <c>DoWork</c> returns (OnClose never races DoWork). Idempotent: a
    /// later call waits again. A runner closed before it started calls <c>OnClose</c> on the caller's thread.
    /// </summary>
    public bool Close(TimeSpan timeout)
    {
        int previous = Interlocked.CompareExchange(ref _state, StateClosedBeforeStart, StateNew);
        if (previous == StateNew)
        {
            CloseAgent();
            _exited.Set();
            return true;
        }

        // After the state check: Start set _running before its state change, so this write lands last.
        _running = false;
        return _exited.Wait(timeout);
    }

    public void Dispose()
    {
        Close();
    }

    private void Run()
    {
        try
        {
            if (!NativeThread.SetCurrentThreadName(ThreadName))
            {
                ReportError(new InvalidOperationException($"prctl(PR_SET_NAME) failed for runner thread '{ThreadName}'"));
            }

            if (Cpus is not null)
            {
                Pin(Cpus);
            }

            _placed.Set();

            if (StartAgent())
            {
                _idleStrategy.Reset();
                DutyCycle();
            }
        }
        finally
        {
            _isRunning = false;
            _placed.Set();
            CloseAgent();
            _exited.Set();
        }
    }

    private void Pin(CpuSet cpus)
    {
        int errno = ThreadAffinity.TrySetCurrentThreadAffinity(cpus);
        if (errno == 0)
        {
            _isPinned = true;
        }
        else
        {
            ReportError(new ThreadAffinityException($"runner '{ThreadName}' could not pin to CPUs \"{cpus}\" (sched_setaffinity errno {errno}); running unpinned", errno));
        }
    }

    private bool StartAgent()
    {
        try
        {
            _agent.OnStart();
            return true;
        }
        catch (Exception exception)
        {
            ReportError(exception);
            return false;
        }
    }

    private void DutyCycle()
    {
        IAgent agent = _agent;
        IIdleStrategy idleStrategy = _idleStrategy;
        while (_running)
        {
            // The try sits outside the hot loop, so the loop body is just DoWork + Idle + one flag load;
            // after an error the loop is re-entered.
            try
            {
                while (_running)
                {
                    idleStrategy.Idle(agent.DoWork());
                }
            }
            catch (Exception exception)
            {
                ReportError(exception);

                // A failed cycle counts as no work, so an agent that throws every time backs off instead of
                // spinning on exceptions.
                idleStrategy.Idle(0);
            }
        }
    }

    private void CloseAgent()
    {
        try
        {
            _agent.OnClose();
        }
        catch (Exception exception)
        {
            ReportError(exception);
        }
        finally
        {
            _isClosed = true;
        }
    }

    private void ReportError(Exception exception)
    {
        try
        {
            _errorHandler.OnError(exception);
        }
        catch (Exception)
        {
            // An error handler that throws must not take the runner thread (and with it the process) down.
        }
    }
}
