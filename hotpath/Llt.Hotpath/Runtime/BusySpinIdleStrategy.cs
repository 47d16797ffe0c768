using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Llt.Hotpath.Runtime;

/// <summary>
/// Spins with the CPU's spin-wait hint (x86 <c>pause</c>, arm64 <c>yield</c>) when idle. Wake-up latency is
/// one loop iteration; the core is never given up, so use it only on an isolated core. The hint saves power,
/// frees the sibling hyper-thread's pipeline and avoids the memory-order mis-speculation penalty on loop exit.
/// </summary>
public sealed class BusySpinIdleStrategy : IIdleStrategy
{
    public static readonly BusySpinIdleStrategy Instance = new();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Idle(int workCount)
    {
        if (workCount > 0)
        {
            return;
        }

        SpinWaitHint();
    }

    public void Idle()
    {
        SpinWaitHint();
    }

    public void Reset()
    {
    }

    /// <summary>One spin-wait hint instruction; falls back to <see cref="Thread.SpinWait(int)"/> elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SpinWaitHint()
    {
        // The branches fold to a single instruction at JIT/AOT time because IsSupported is a constant there.
        if (X86Base.IsSupported)
        {
            X86Base.Pause();
        }
        else if (ArmBase.IsSupported)
        {
            ArmBase.Yield();
        }
        else
        {
            Thread.SpinWait(1);
        }
    }
}
