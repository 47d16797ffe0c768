using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class AgentInvokerTests
{
    [Fact]
    public void StartInvokeClose_DriveTheAgentOnTheCallersThread()
    {
        var agent = new RecordingAgent("invoked", workPerCall: 3);
        using var invoker = new AgentInvoker(agent, new CountingErrorHandler());

        Assert.Equal(0, invoker.Invoke());
        Assert.Equal(0, agent.DoWorkCount);

        invoker.Start();
        Assert.True(invoker.IsStarted);
        Assert.True(invoker.IsRunning);
        Assert.Equal(3, invoker.Invoke());
        Assert.Equal(3, invoker.Invoke());
        Assert.Equal(NativeThread.CurrentThreadId(), agent.StartThreadId);

        invoker.Close();
        invoker.Close();

        Assert.Equal(0, invoker.Invoke());
        Assert.Equal(2, agent.DoWorkCount);
        Assert.Equal(1, agent.OnStartCount);
        Assert.Equal(1, agent.OnCloseCount);
        Assert.True(invoker.IsClosed);
        Assert.False(invoker.IsRunning);
    }

    [Fact]
    public void Invoke_WhenDoWorkThrows_CountsTheErrorAndReturnsZero()
    {
        var agent = new RecordingAgent("thrower", workPerCall: 1) { ThrowEvery = 2 };
        var errors = new CountingErrorHandler();
        using var invoker = new AgentInvoker(agent, errors);
        invoker.Start();

        int work = 0;
        for (int i = 0; i < 10; i++)
        {
            work += invoker.Invoke();
        }

        Assert.Equal(5, work);
        Assert.Equal(5, errors.ErrorCount);
        Assert.True(invoker.IsRunning);
    }

    [Fact]
    public void Start_WhenOnStartThrows_ReportsAndClosesTheAgent()
    {
        var agent = new RecordingAgent("bad-start") { ThrowOnStart = true };
        var errors = new CountingErrorHandler();
        using var invoker = new AgentInvoker(agent, errors);

        invoker.Start();

        Assert.Equal(1, errors.ErrorCount);
        Assert.False(invoker.IsRunning);
        Assert.True(invoker.IsClosed);
        Assert.Equal(1, agent.OnCloseCount);
        Assert.Equal(0, invoker.Invoke());
    }

    [Fact]
    public void Close_WhenOnCloseThrows_ReportsIt()
    {
        var agent = new RecordingAgent("bad-close") { ThrowOnClose = true };
        var errors = new CountingErrorHandler();
        var invoker = new AgentInvoker(agent, errors);
        invoker.Start();

        invoker.Dispose();

        Assert.Equal(1, errors.ErrorCount);
        Assert.True(invoker.IsClosed);
    }

    [Fact]
    public void Invoke_AfterWarmUp_DoesNotAllocate()
    {
        var clock = new ManualNanoClock();
        using var invoker = new AgentInvoker(new TimerAgent(clock, intervalNs: 10), new CountingErrorHandler());
        invoker.Start();
        for (int i = 0; i < 1_000; i++)
        {
            clock.Advance(3);
            invoker.Invoke();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int work = 0;
        for (int i = 0; i < 100_000; i++)
        {
            clock.Advance(3);
            work += invoker.Invoke();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(25_000, work);
    }
}
