namespace Llt.Hotpath.Tests.Runtime;

/// <summary>Bounded waits for conditions another thread makes true; never an unbounded spin (2 shared cores).</summary>
internal static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static void True(Func<bool> condition, string what)
    {
        Assert.True(SpinWait.SpinUntil(condition, Timeout), $"timed out after {Timeout.TotalSeconds}s waiting for: {what}");
    }
}
