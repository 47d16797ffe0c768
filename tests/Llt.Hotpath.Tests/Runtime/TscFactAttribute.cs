using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

/// <summary>A fact that is skipped (reported as skipped, not passed) where the time-stamp counter cannot stand in for CLOCK_MONOTONIC.</summary>
public sealed class TscFactAttribute : FactAttribute
{
    public TscFactAttribute()
    {
        if (!TimeStampCounter.IsUsable)
        {
            Skip = $"the time-stamp counter is not usable here: {TimeStampCounter.UnusableReason}";
        }
    }
}
