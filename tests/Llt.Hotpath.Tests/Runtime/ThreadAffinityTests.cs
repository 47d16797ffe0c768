using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class ThreadAffinityTests
{
    [Fact]
    public void GetCurrentThreadAffinity_MatchesProcStatusOfThisThread()
    {
        OnThread.Run(() =>
        {
            CpuSet affinity = ThreadAffinity.GetCurrentThreadAffinity();
            string status = File.ReadAllText($"/proc/self/task/{NativeThread.CurrentThreadId()}/status");
            string listLine = status.Split('\n').Single(line => line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));

            Assert.False(affinity.IsEmpty);
            Assert.Equal(CpuSet.Parse(listLine["Cpus_allowed_list:".Length..]), affinity);
            Assert.True(affinity.Contains(ThreadAffinity.CurrentCpu()));
        });
    }

    [MultiCpuFact]
    public void SetCurrentThreadAffinity_PinsToOneAllowedCpu_AndReadsBack()
    {
        OnThread.Run(() =>
        {
            CpuSet allowed = ThreadAffinity.GetCurrentThreadAffinity();
            foreach (int cpu in new[] { allowed[0], allowed[allowed.Count - 1] })
            {
                ThreadAffinity.SetCurrentThreadAffinity(CpuSet.Of(cpu));

                Assert.Equal(CpuSet.Of(cpu), ThreadAffinity.GetCurrentThreadAffinity());

                // The kernel migrates the calling thread before sched_setaffinity returns.
                Assert.Equal(cpu, ThreadAffinity.CurrentCpu());
            }

            ThreadAffinity.SetCurrentThreadAffinity(allowed);
            Assert.Equal(allowed, ThreadAffinity.GetCurrentThreadAffinity());
        });
    }

    [Fact]
    public void TrySetCurrentThreadAffinity_CpuNotOnline_ReturnsEinvalAndLeavesAffinityAlone()
    {
        OnThread.Run(() =>
        {
            CpuSet before = ThreadAffinity.GetCurrentThreadAffinity();
            Assert.False(before.Contains(CpuSet.MaxCpus - 1));

            int errno = ThreadAffinity.TrySetCurrentThreadAffinity(CpuSet.Of(CpuSet.MaxCpus - 1));

            Assert.Equal(22, errno);
            Assert.Equal(before, ThreadAffinity.GetCurrentThreadAffinity());
            var exception = Assert.Throws<ThreadAffinityException>(() => ThreadAffinity.SetCurrentThreadAffinity(CpuSet.Of(CpuSet.MaxCpus - 1)));
            Assert.Equal(22, exception.Errno);
            Assert.Contains("\"1023\"", exception.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TrySetCurrentThreadAffinity_EmptySet_IsRejected()
    {
        Assert.Equal(22, ThreadAffinity.TrySetCurrentThreadAffinity(CpuSet.Empty));
    }
}
