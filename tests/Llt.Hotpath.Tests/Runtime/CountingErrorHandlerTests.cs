using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class CountingErrorHandlerTests
{
    [Fact]
    public void OnError_CountsRemembersLastAndForwards()
    {
        var next = new CountingErrorHandler();
        var handler = new CountingErrorHandler(next);
        var first = new InvalidOperationException("first");
        var second = new TimeoutException("second");

        handler.OnError(first);
        handler.OnError(second);

        Assert.Equal(2, handler.ErrorCount);
        Assert.Same(second, handler.LastError);
        Assert.Equal(2, next.ErrorCount);
    }

    [Fact]
    public void OnError_NextHandlerThrows_IsContainedAndStillCounted()
    {
        var handler = new CountingErrorHandler(new ThrowingErrorHandler());

        handler.OnError(new InvalidOperationException("boom"));

        Assert.Equal(1, handler.ErrorCount);
    }

    [Fact]
    public void OnError_FromSeveralThreads_LosesNoCounts()
    {
        var handler = new CountingErrorHandler();
        var error = new InvalidOperationException("shared");
        var threads = new Thread[2];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                for (int i = 0; i < 10_000; i++)
                {
                    handler.OnError(error);
                }
            });
            threads[t].Start();
        }

        foreach (Thread thread in threads)
        {
            Assert.True(thread.Join(Eventually.Timeout));
        }

        Assert.Equal(20_000, handler.ErrorCount);
    }
}
