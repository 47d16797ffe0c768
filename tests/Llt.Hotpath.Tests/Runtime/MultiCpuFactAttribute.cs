using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

/// <summary>A fact that is skipped (reported as skipped, not passed) when this process may run on only one CPU.</summary>
public sealed class MultiCpuFactAttribute : FactAttribute
{
    public MultiCpuFactAttribute()
    {
        if (ThreadAffinity.GetCurrentThreadAffinity().Count < 2)
        {
            Skip = "only one CPU is allowed for this process, so pinning cannot be told apart from not pinning";
        }
    }
}
