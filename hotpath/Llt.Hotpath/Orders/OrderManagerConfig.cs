namespace Llt.Hotpath.Orders;

/// <summary>
/// Sizing and timing of an <see cref="OrderManager"/>, validated once by <see cref="Validate"/> before the
/// manager copies it into readonly fields.
/// </summary>
/// <param name="Capacity">Open orders the table holds; a submit beyond it returns <see cref="OrderResult.TableFull"/>.</param>
/// <param name="MaxInFlight">Orders allowed at once in PendingNew, PendingCancel or PendingReplace.</param>
/// <param name="AckTimeoutNs">How long a pending order may wait for the venue before <see cref="OrderManager.CheckTimeouts"/> reports it.</param>
/// <param name="ClosedHistory">How many recently closed client order ids are remembered to recognise late messages.</param>
public readonly record struct OrderManagerConfig(int Capacity, int MaxInFlight, long AckTimeoutNs, int ClosedHistory)
{
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 1, nameof(Capacity));
        // the id index holds up to two ids per order (the order's and a pending cancel/replace id)
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Capacity, 1 << 27, nameof(Capacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInFlight, 1, nameof(MaxInFlight));
        ArgumentOutOfRangeException.ThrowIfLessThan(AckTimeoutNs, 1, nameof(AckTimeoutNs));
        ArgumentOutOfRangeException.ThrowIfLessThan(ClosedHistory, 1, nameof(ClosedHistory));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ClosedHistory, 1 << 28, nameof(ClosedHistory));
    }
}
