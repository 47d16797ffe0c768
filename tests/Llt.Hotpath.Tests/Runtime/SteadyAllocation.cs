namespace Llt.Hotpath.Tests.Runtime;

/// <summary>
/// Bytes a repeatable window of work allocates on this thread once warm. A steady allocation (per tick, per order)
/// shows in every window; in full parallel test runs a window now and then counts a one-off few KB that no single
/// run reproduces (seen in three different tests' windows: 2,560, 7,896 and a strategy window's bytes, none of it on
/// their code paths), so a second window decides and both figures are kept for the failure message.
/// </summary>
internal static class SteadyAllocation
{
    /// <summary>Runs <paramref name="window"/>, and again when it allocated; returns what the last run allocated.</summary>
    public static long Of(Action window, out long first)
    {
        first = Across(window);
        return first == 0 ? 0 : Across(window);
    }

    private static long Across(Action window)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        window();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
