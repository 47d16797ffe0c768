namespace Llt.Hotpath.Risk;

/// <summary>
/// The latch that stops all new orders. Engaged by a control command or a configured breach; released only
/// by an explicit resume. Owned by the trading thread; other threads reach it only through cmd.ring.
/// </summary>
public sealed class KillSwitch
{
    public bool IsEngaged { get; private set; }

    public long EngagedAtEpochNs { get; private set; }

    public int Engagements { get; private set; }

    /// <summary>Engages the latch; false when it was already engaged.</summary>
    public bool Engage(long nowEpochNs)
    {
        if (IsEngaged)
        {
            return false;
        }

        IsEngaged = true;
        EngagedAtEpochNs = nowEpochNs;
        Engagements++;
        return true;
    }

    /// <summary>Releases the latch; false when it was not engaged.</summary>
    public bool Resume()
    {
        if (!IsEngaged)
        {
            return false;
        }

        IsEngaged = false;
        return true;
    }
}
