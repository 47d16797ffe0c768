using System.Runtime.Intrinsics.X86;

namespace Llt.Hotpath.Runtime;

/// <summary>
/// Reads the x86 time-stamp counter. .NET has no RDTSC intrinsic, so the two readers are a few bytes of machine code
/// in a page mapped once per process (written, then made read+execute: never writable and executable at once) and
/// called through unmanaged function pointers without a GC transition: they touch no managed state and cannot block.
/// </summary>
/// <remarks>
/// <see cref="ReadOrdered"/> (<c>lfence; rdtsc</c>, ~15 ns a read here, against ~22 ns for the vDSO's
/// <c>clock_gettime</c>, which orders its read too) is what the clock and its calibration read: the read waits for
/// every instruction before it, so a stamp ending a measured path cannot be taken early. <see cref="Read"/> is a
/// bare <c>rdtsc</c> (~9 ns): not ordered against earlier instructions, it may read the counter up to an
/// out-of-order window early, so nothing stamps with it; the clock benchmark keeps it to show what the fence costs. The readers exist only where <see cref="IsUsable"/> holds: an invariant TSC (constant
/// rate in every power state) that the kernel itself uses as its clock source, so it ticks in step on every CPU.
/// </remarks>
public static unsafe class TimeStampCounter
{
    // rdtsc (EDX:EAX) ; shl rdx, 32 ; or rax, rdx ; ret   -- the 64-bit count in RAX, the System V return register
    private static ReadOnlySpan<byte> ReadCode => [0x0F, 0x31, 0x48, 0xC1, 0xE2, 0x20, 0x48, 0x09, 0xD0, 0xC3];

    // lfence ; then as above: the read waits for every earlier instruction to complete
    private static ReadOnlySpan<byte> ReadOrderedCode => [0x0F, 0xAE, 0xE8, 0x0F, 0x31, 0x48, 0xC1, 0xE2, 0x20, 0x48, 0x09, 0xD0, 0xC3];

    private const int ReadOrderedOffset = 64;
    private const nuint PageSize = 4096;
    private const string ClockSourcePath = "/sys/devices/system/clocksource/clocksource0/current_clocksource";

    /// <summary>The bare reader, for the clock benchmark only (see the remarks); null when <see cref="IsUsable"/> is false.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<ulong> Read;

    /// <summary>The reader fenced behind earlier instructions; null when <see cref="IsUsable"/> is false.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<ulong> ReadOrdered;

    /// <summary>Why the counter is not used (null when it is): for start-up logs and tests.</summary>
    public static readonly string? UnusableReason;

    static TimeStampCounter()
    {
        UnusableReason = CheckUsable(X86Base.IsSupported, HasInvariantTsc(), ReadKernelClockSource());
        if (UnusableReason is not null)
        {
            return;
        }

        nint page = MapCode();
        if (page == 0)
        {
            UnusableReason = "could not map an executable page (mmap/mprotect refused: W^X policy?)";
            return;
        }

        Read = (delegate* unmanaged[SuppressGCTransition]<ulong>)page;
        ReadOrdered = (delegate* unmanaged[SuppressGCTransition]<ulong>)(page + ReadOrderedOffset);
    }

    public static bool IsUsable => Read != null;

    /// <summary>
    /// The decision, from what the CPU and kernel report: null when the counter can stand in for CLOCK_MONOTONIC,
    /// otherwise why not. The kernel's clock source must be <c>tsc</c>: it checked the counters are in sync across
    /// CPUs (and keeps watching), which CPUID alone does not say; under a hypervisor that does not promise a stable
    /// TSC the kernel picks <c>kvm-clock</c>/<c>hyperv_clocksource</c> instead.
    /// </summary>
    public static string? CheckUsable(bool isX86, bool invariantTsc, string? kernelClockSource)
    {
        if (!isX86)
        {
            return "not an x86 CPU";
        }

        if (!invariantTsc)
        {
            return "the CPU does not report an invariant TSC (CPUID 8000_0007h EDX bit 8)";
        }

        if (kernelClockSource != "tsc")
        {
            return $"the kernel's clock source is '{kernelClockSource ?? "unknown"}', not tsc";
        }

        return null;
    }

    private static bool HasInvariantTsc()
    {
        if (!X86Base.IsSupported)
        {
            return false;
        }

        const uint ExtendedMaxLeaf = 0x8000_0000;
        const uint AdvancedPowerManagementLeaf = 0x8000_0007;
        (int maxLeaf, _, _, _) = X86Base.CpuId(unchecked((int)ExtendedMaxLeaf), 0);
        if ((uint)maxLeaf < AdvancedPowerManagementLeaf)
        {
            return false;
        }

        (_, _, _, int edx) = X86Base.CpuId(unchecked((int)AdvancedPowerManagementLeaf), 0);
        return (edx & (1 << 8)) != 0;
    }

    private static string? ReadKernelClockSource()
    {
        try
        {
            return File.ReadAllText(ClockSourcePath).Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Written while read+write, then switched to read+execute; never unmapped (readers may run until exit).
    private static nint MapCode()
    {
        nint page = Libc.Mmap(0, PageSize, Libc.ProtRead | Libc.ProtWrite, Libc.MapPrivate | Libc.MapAnonymous, -1, 0);
        if (page == Libc.MapFailed)
        {
            return 0;
        }

        var code = new Span<byte>((void*)page, (int)PageSize);
        ReadCode.CopyTo(code);
        ReadOrderedCode.CopyTo(code.Slice(ReadOrderedOffset));
        if (Libc.Mprotect(page, PageSize, Libc.ProtRead | Libc.ProtExec) != 0)
        {
            Libc.Munmap(page, PageSize);
            return 0;
        }

        return page;
    }
}
