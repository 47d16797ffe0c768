using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Strategies;

/// <summary>
/// Client order ids unique across restarts without a shared store: id = startMs * 2^20 + n, strictly
/// increasing within a run. A later run starts at a later millisecond, and no run issues more than 2^20 ids
/// per millisecond of its lifetime, so the next run's first id is above every id of the previous run.
/// Ids stay positive until the year 2248.
/// </summary>
public sealed class ClientOrderIds
{
    private long _next;

    public ClientOrderIds(long startEpochMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startEpochMs);
        _next = startEpochMs << 20;
    }

    /// <summary>Continues after <paramref name="lastIssued"/> when that is higher (a journal recovered after a clock step back).</summary>
    public void EnsureAbove(long lastIssued)
    {
        if (lastIssued >= _next)
        {
            _next = lastIssued + 1;
        }
    }

    // on every order before it leaves: Native AOT has no profile to inline it by (a call each cost the routed order ~3 ns)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next() => _next++;
}
