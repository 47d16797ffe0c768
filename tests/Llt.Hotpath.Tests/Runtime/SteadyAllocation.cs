using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Tests.Runtime;

/// <summary>
/// Bytes a repeatable window of work allocates on this thread once warm. A steady allocation (per tick, per order)
/// shows in every window; in full parallel test runs a window now and then counts a one-off few KB that no single
/// run reproduces (seen in three different tests' windows: 2,560, 7,896 and a strategy window's bytes, none of it on
/// their code paths), so a second window decides and both figures are kept for the failure message. Each one-off is
/// also written to stderr (the CI log keeps it) with the collections that ran meanwhile, to find its cause.
/// </summary>
internal static class SteadyAllocation
{
    /// <summary>Runs <paramref name="window"/>, and again when it allocated; returns what the last run allocated.</summary>
    public static long Of(Action window, out long first, [CallerFilePath] string file = "", [CallerMemberName] string test = "")
    {
        int gen0 = GC.CollectionCount(0);
        int gen2 = GC.CollectionCount(2);
        first = Across(window);
        if (first == 0)
        {
            return 0;
        }

        int gen0During = GC.CollectionCount(0) - gen0;
        int gen2During = GC.CollectionCount(2) - gen2;
        long second = Across(window);
        Console.Error.WriteLine(
            $"[steady-allocation] {Path.GetFileNameWithoutExtension(file)}.{test}: {first} B in the first window " +
            $"(thread {Environment.CurrentManagedThreadId}, {gen0During} gen0 / {gen2During} gen2 collections during it), {second} B in the second");
        return second;
    }

    private static long Across(Action window)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        window();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
