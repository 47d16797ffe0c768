using Llt.Hotpath.Runtime;

namespace Llt.Shell.Tests.Config;

/// <summary>A fact that is skipped (reported as skipped, not passed) when this process may run on only one CPU.</summary>
public sealed class MultiCpuFactAttribute : FactAttribute
{
    public MultiCpuFactAttribute()
    {
        if (ThreadAffinity.GetCurrentThreadAffinity().Count < 2)
        {
            Skip = "only one CPU is allowed for this process, so confining the shell cannot be told apart from not confining it";
        }
    }
}
