using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class MemoryLockTests
{
    [Fact]
    public void LockAll_InvalidFlags_ReportsEinvalWithoutThrowing()
    {
        MemoryLockResult result = MemoryLock.LockAll(MemoryLockFlags.None);

        Assert.False(result.Succeeded);
        Assert.Equal(MemoryLockResult.EInval, result.Errno);
        Assert.Contains("EINVAL", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void LockAll_OnFault_SucceedsOrSaysWhichPermissionIsMissing()
    {
        // MCL_ONFAULT locks pages only as they are touched, so the test does not pin the whole test host in RAM.
        MemoryLockResult result = MemoryLock.LockAll(MemoryLockFlags.Current | MemoryLockFlags.OnFault);
        try
        {
            if (result.Succeeded)
            {
                Assert.Equal(0, result.Errno);
            }
            else
            {
                Assert.Contains(result.Errno, new[] { MemoryLockResult.EPerm, MemoryLockResult.ENoMem });
            }
        }
        finally
        {
            Assert.True(MemoryLock.UnlockAll().Succeeded);
        }
    }

    [Theory]
    [InlineData(MemoryLockResult.EPerm, "CAP_IPC_LOCK")]
    [InlineData(MemoryLockResult.ENoMem, "LimitMEMLOCK")]
    [InlineData(99, "errno 99")]
    public void Describe_NamesTheFix(int errno, string expected)
    {
        Assert.Contains(expected, MemoryLockResult.Failure(errno).Describe(), StringComparison.Ordinal);
        Assert.Contains("succeeded", MemoryLockResult.Success.Describe(), StringComparison.Ordinal);
    }
}
