using System.Diagnostics;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class AgentRunnerTests
{
    private static SleepingIdleStrategy FastSleep() => new(sleepPeriodNs: 50_000);

    [Fact]
    public void Start_CallsOnStartOnceThenDoWorkRepeatedly_AndCloseCallsOnCloseOnceOnTheRunnerThread()
    {
        var agent = new RecordingAgent("lifecycle");
        var errors = new CountingErrorHandler();
        using var runner = new AgentRunner(agent, FastSleep(), errors);

        runner.Start();
        Eventually.True(() => agent.DoWorkCount >= 20, "20 duty cycles");
        Assert.True(runner.IsRunning);
        Assert.False(runner.IsClosed);

        Assert.True(runner.Close(Eventually.Timeout));

        Assert.Equal(1, agent.OnStartCount);
        Assert.Equal(1, agent.OnCloseCount);
        Assert.Equal(0, agent.DoWorkAfterClose);
        Assert.Equal(agent.StartThreadId, agent.CloseThreadId);
        Assert.NotEqual(NativeThread.CurrentThreadId(), agent.StartThreadId);
        Assert.Equal("lifecycle", agent.StartThreadName);
        Assert.False(runner.IsRunning);
        Assert.True(runner.IsClosed);
        Assert.Equal(0, errors.ErrorCount);
    }

    [Fact]
    public void DoWorkThrows_ErrorsAreCountedAndTheRunnerKeepsGoing()
    {
        var agent = new RecordingAgent("thrower") { ThrowEvery = 2 };
        var errors = new CountingErrorHandler();
        using var runner = new AgentRunner(agent, new BackoffIdleStrategy(maxSpins: 1, maxYields: 1, minParkPeriodNs: 1_000, maxParkPeriodNs: 50_000), errors);

        runner.Start();
        Eventually.True(() => agent.DoWorkCount >= 40, "40 duty cycles despite exceptions");
        Assert.True(runner.IsRunning);
        Assert.True(runner.Close(Eventually.Timeout));

        Assert.True(agent.ThrowCount >= 20);
        Assert.Equal(agent.ThrowCount, errors.ErrorCount);
        Assert.IsType<InvalidOperationException>(errors.LastError);
        Assert.Equal(1, agent.OnCloseCount);
    }

    [Fact]
    public void Close_IsIdempotent_CallsOnCloseOnce()
    {
        var agent = new RecordingAgent("idempotent");
        using var runner = new AgentRunner(agent, YieldingIdleStrategy.Instance, new CountingErrorHandler());
        runner.Start();
        Eventually.True(() => agent.DoWorkCount > 0, "first duty cycle");

        Assert.True(runner.Close(Eventually.Timeout));
        Assert.True(runner.Close(Eventually.Timeout));
        runner.Dispose();

        Assert.Equal(1, agent.OnCloseCount);
        Assert.True(runner.IsClosed);
    }

    [Fact]
    public void Close_WhenDoWorkIsStuck_ReturnsFalseWithinTheTimeoutAndDoesNotRaceOnClose()
    {
        using var gate = new ManualResetEventSlim(false);
        var agent = new RecordingAgent("stuck") { Gate = gate };
        using var runner = new AgentRunner(agent, YieldingIdleStrategy.Instance, new CountingErrorHandler());
        runner.Start();
        Eventually.True(() => agent.OnStartCount == 1, "OnStart");

        var stopwatch = Stopwatch.StartNew();
        bool closed = runner.Close(TimeSpan.FromMilliseconds(100));
        stopwatch.Stop();

        Assert.False(closed);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"Close(100ms) took {stopwatch.Elapsed}");
        Assert.False(runner.IsClosed);
        Assert.Equal(0, agent.OnCloseCount);

        gate.Set();
        Assert.True(runner.Close(Eventually.Timeout));
        Assert.Equal(1, agent.OnCloseCount);
        Assert.Equal(0, agent.DoWorkAfterClose);
    }

    [Fact]
    public void Close_BeforeStart_CallsOnCloseOnCallerAndStartThenThrows()
    {
        var agent = new RecordingAgent("never-started");
        using var runner = new AgentRunner(agent, YieldingIdleStrategy.Instance, new CountingErrorHandler());

        Assert.True(runner.Close());
        Assert.True(runner.Close());

        Assert.Equal(1, agent.OnCloseCount);
        Assert.Equal(NativeThread.CurrentThreadId(), agent.CloseThreadId);
        Assert.True(runner.IsClosed);
        Assert.Throws<InvalidOperationException>(runner.Start);
        Assert.Equal(0, agent.OnStartCount);
    }

    [Fact]
    public void Start_Twice_Throws()
    {
        var agent = new RecordingAgent("twice");
        using var runner = new AgentRunner(agent, YieldingIdleStrategy.Instance, new CountingErrorHandler());
        runner.Start();

        Assert.Throws<InvalidOperationException>(runner.Start);
        Assert.True(runner.Close(Eventually.Timeout));
        Assert.Equal(1, agent.OnStartCount);
    }

    [Fact]
    public void OnStartThrows_ErrorIsReported_DoWorkNeverRuns_OnCloseStillRuns()
    {
        var agent = new RecordingAgent("bad-start") { ThrowOnStart = true };
        var errors = new CountingErrorHandler();
        using var runner = new AgentRunner(agent, YieldingIdleStrategy.Instance, errors);
        runner.Start();

        Eventually.True(() => runner.IsClosed, "runner closes itself after a failed start");
        Assert.False(runner.IsRunning);
        Assert.Equal(0, agent.DoWorkCount);
        Assert.Equal(1, agent.OnCloseCount);
        Assert.Equal(1, errors.ErrorCount);
        Assert.True(runner.Close(Eventually.Timeout));
        Assert.Equal(1, agent.OnCloseCount);
    }

    [Fact]
    public void CompositeOnRunner_OneOnCloseThrows_AllAreClosedAndTheErrorIsCounted()
    {
        var first = new RecordingAgent("a") { ThrowOnClose = true };
        var second = new RecordingAgent("b");
        var errors = new CountingErrorHandler();
        using var runner = new AgentRunner(new CompositeAgent(first, second), FastSleep(), errors);
        runner.Start();
        Eventually.True(() => second.DoWorkCount >= 5, "composite duty cycles");

        Assert.True(runner.Close(Eventually.Timeout));

        Assert.Equal(1, first.OnCloseCount);
        Assert.Equal(1, second.OnCloseCount);
        Assert.Equal(1, errors.ErrorCount);
        Assert.Equal("[a,b]", runner.ThreadName);
    }

    [Fact]
    public void ErrorHandlerThrows_RunnerSurvives()
    {
        var agent = new RecordingAgent("handler-throws") { ThrowEvery = 1 };
        using var runner = new AgentRunner(agent, FastSleep(), new ThrowingErrorHandler());
        runner.Start();

        Eventually.True(() => agent.DoWorkCount >= 10, "duty cycles keep running although the handler throws");
        Assert.True(runner.IsRunning);
        Assert.True(runner.Close(Eventually.Timeout));
    }

    [Fact]
    public void ThreadName_IsVisibleToTheKernelInProcTaskComm()
    {
        var agent = new RecordingAgent("comm");
        using var runner = new AgentRunner(agent, FastSleep(), new CountingErrorHandler(), threadName: "llt-test-runner");
        runner.Start();
        Eventually.True(() => agent.OnStartCount == 1, "OnStart");

        string comm = File.ReadAllText($"/proc/self/task/{agent.StartThreadId}/comm").TrimEnd('\n');
        Assert.True(runner.Close(Eventually.Timeout));

        Assert.Equal("llt-test-runner", comm);
        Assert.Equal("llt-test-runner", agent.StartThreadName);
    }

    [MultiCpuFact]
    public void Cpus_RunnerPinsItsOwnThreadBeforeOnStart()
    {
        CpuSet allowed = ThreadAffinity.GetCurrentThreadAffinity();
        int target = allowed[allowed.Count - 1];
        var agent = new RecordingAgent("pinned");
        var errors = new CountingErrorHandler();
        using var runner = new AgentRunner(agent, FastSleep(), errors, cpus: CpuSet.Of(target));
        runner.Start();
        Eventually.True(() => agent.OnStartCount == 1, "OnStart");
        Assert.True(runner.Close(Eventually.Timeout));

        Assert.True(runner.IsPinned);
        Assert.Equal(CpuSet.Of(target), agent.StartAffinity);
        Assert.Equal(target, agent.StartCpu);
        Assert.Equal(0, errors.ErrorCount);
        Assert.Equal(allowed, ThreadAffinity.GetCurrentThreadAffinity());
    }

    [MultiCpuFact]
    public void WaitUntilPlaced_ReturnsOnceTheThreadHasPinnedItself_SoIsPinnedIsTheAnswer()
    {
        CpuSet allowed = ThreadAffinity.GetCurrentThreadAffinity();
        var agent = new RecordingAgent("placed");
        using var runner = new AgentRunner(agent, FastSleep(), new CountingErrorHandler(), cpus: CpuSet.Of(allowed[0]));
        Assert.False(runner.WaitUntilPlaced(TimeSpan.FromMilliseconds(50))); // not started: never placed
        runner.Start();
        Assert.True(runner.WaitUntilPlaced(Eventually.Timeout));
        Assert.True(runner.IsPinned); // read straight after: the engine prints this at start
        Assert.True(runner.Close(Eventually.Timeout));
    }

    [Fact]
    public void Cpus_WhenPinFails_ErrorIsReportedAndTheAgentRunsUnpinned()
    {
        var agent = new RecordingAgent("bad-cpu");
        var errors = new CountingErrorHandler();
        using var runner = new AgentRunner(agent, FastSleep(), errors, cpus: CpuSet.Of(CpuSet.MaxCpus - 1));
        runner.Start();
        Eventually.True(() => agent.DoWorkCount > 0, "duty cycle despite a failed pin");
        Assert.True(runner.Close(Eventually.Timeout));

        Assert.False(runner.IsPinned);
        Assert.Equal(1, errors.ErrorCount);
        var error = Assert.IsType<ThreadAffinityException>(errors.LastError);
        Assert.Equal(22, error.Errno);
    }

    [Fact]
    public void Create_FromThreadConfig_UsesItsNameIdleStrategyAndCpus()
    {
        var config = AgentThreadConfig.Parse("cfg-thread", "", "sleep:50us", "recording");
        var agent = new RecordingAgent();
        using var runner = AgentRunner.Create(config, agent, new CountingErrorHandler());

        Assert.Equal("cfg-thread", runner.ThreadName);
        Assert.Null(runner.Cpus);
        runner.Start();
        Eventually.True(() => agent.DoWorkCount > 0, "duty cycle");
        Assert.True(runner.Close(Eventually.Timeout));
        Assert.Equal("cfg-thread", agent.StartThreadName);
    }

    [Fact]
    public void DutyCycle_AfterWarmUp_DoesNotAllocate()
    {
        var agent = new AllocationProbeAgent(warmUpCycles: 1_000, measuredCycles: 10_000);
        using var runner = new AgentRunner(agent, YieldingIdleStrategy.Instance, new CountingErrorHandler());
        runner.Start();
        Eventually.True(() => agent.IsDone, "measured duty cycles");
        Assert.True(runner.Close(Eventually.Timeout));

        Assert.Equal(0, agent.AllocatedBytes);
    }
}
