using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class NativeThreadTests
{
    [Fact]
    public void SetCurrentThreadName_IsVisibleInProcTaskComm()
    {
        OnThread.Run(() =>
        {
            Assert.True(NativeThread.SetCurrentThreadName("llt-name-test"));

            Assert.Equal("llt-name-test", ReadComm());
            Assert.Equal("llt-name-test", Thread.CurrentThread.Name);
        });
    }

    [Fact]
    public void SetCurrentThreadName_LongName_KernelKeeps15BytesDotNetKeepsAll()
    {
        OnThread.Run(() =>
        {
            const string name = "llt-a-very-long-thread-name";
            Assert.True(NativeThread.SetCurrentThreadName(name));

            Assert.Equal("llt-a-very-long", ReadComm());
            Assert.Equal(name, Thread.CurrentThread.Name);
        });
    }

    [Fact]
    public void KernelName_NeverSplitsAMultiByteCharacter()
    {
        // 14 ASCII bytes + a 2-byte 'é' would be 16 bytes; the é must be dropped whole.
        Assert.Equal("abcdefghijklmn", NativeThread.KernelName("abcdefghijklmné"));
        Assert.Equal("short", NativeThread.KernelName("short"));
    }

    [Fact]
    public void CurrentThreadId_IsATaskOfThisProcess()
    {
        Assert.True(Directory.Exists($"/proc/self/task/{NativeThread.CurrentThreadId()}"));
    }

    private static string ReadComm()
    {
        return File.ReadAllText($"/proc/self/task/{NativeThread.CurrentThreadId()}/comm").TrimEnd('\n');
    }
}
