namespace Llt.Hotpath.Tests.Runtime;

/// <summary>
/// Runs a test body on a fresh thread, so affinity and name changes never leak into xunit's worker
/// threads; rethrows assertion failures on the test thread.
/// </summary>
internal static class OnThread
{
    public static void Run(Action body)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                body();
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        });
        thread.Start();
        Assert.True(thread.Join(Eventually.Timeout), "test thread did not finish in time");
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }
}
