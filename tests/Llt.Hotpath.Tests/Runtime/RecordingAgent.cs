using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

/// <summary>
/// A scriptable agent that counts its lifecycle calls (readable from the test thread) and records what its
/// own thread looked like at <c>OnStart</c>.
/// </summary>
internal sealed class RecordingAgent : IAgent
{
    private readonly int _workPerCall;
    private int _onStartCount;
    private long _doWorkCount;
    private long _throwCount;
    private int _onCloseCount;
    private long _doWorkAfterClose;

    public RecordingAgent(string roleName = "recording", int workPerCall = 0)
    {
        RoleName = roleName;
        _workPerCall = workPerCall;
    }

    public string RoleName { get; }

    public bool ThrowOnStart { get; init; }

    public bool ThrowOnClose { get; init; }

    /// <summary>Throw on every n-th DoWork (0: never).</summary>
    public int ThrowEvery { get; init; }

    /// <summary>If set, DoWork blocks until it is set: simulates an agent stuck in a call.</summary>
    public ManualResetEventSlim? Gate { get; init; }

    public int OnStartCount => Volatile.Read(ref _onStartCount);

    public long DoWorkCount => Volatile.Read(ref _doWorkCount);

    public long ThrowCount => Volatile.Read(ref _throwCount);

    public int OnCloseCount => Volatile.Read(ref _onCloseCount);

    public long DoWorkAfterClose => Volatile.Read(ref _doWorkAfterClose);

    public int StartThreadId { get; private set; }

    public int CloseThreadId { get; private set; }

    public string? StartThreadName { get; private set; }

    public CpuSet? StartAffinity { get; private set; }

    public int StartCpu { get; private set; } = -1;

    public void OnStart()
    {
        StartThreadId = NativeThread.CurrentThreadId();
        StartThreadName = Thread.CurrentThread.Name;
        StartAffinity = ThreadAffinity.GetCurrentThreadAffinity();
        StartCpu = ThreadAffinity.CurrentCpu();
        Interlocked.Increment(ref _onStartCount);
        if (ThrowOnStart)
        {
            throw new InvalidOperationException($"{RoleName}: OnStart failed");
        }
    }

    public int DoWork()
    {
        Gate?.Wait();
        if (Volatile.Read(ref _onCloseCount) != 0)
        {
            Interlocked.Increment(ref _doWorkAfterClose);
        }

        long count = Interlocked.Increment(ref _doWorkCount);
        if (ThrowEvery > 0 && count % ThrowEvery == 0)
        {
            Interlocked.Increment(ref _throwCount);
            throw new InvalidOperationException($"{RoleName}: DoWork failed");
        }

        return _workPerCall;
    }

    public void OnClose()
    {
        CloseThreadId = NativeThread.CurrentThreadId();
        Interlocked.Increment(ref _onCloseCount);
        if (ThrowOnClose)
        {
            throw new InvalidOperationException($"{RoleName}: OnClose failed");
        }
    }
}
