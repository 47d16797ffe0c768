namespace Llt.Hotpath.Feeds.Capture;

/// <summary>Converts capture timestamps to nanoseconds since the Unix epoch.</summary>
public static class CaptureTimestamp
{
    private const long NanosPerSecond = 1_000_000_000;

    private static ReadOnlySpan<long> PowersOfTen =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ];

    /// <summary>
    /// pcapng ticks in the unit of if_tsresol (<paramref name="resolution"/>: 10^-n s, or 2^-n s with the high bit)
    /// to nanoseconds, plus if_tsoffset seconds. Finer than 1 ns truncates; a unit beyond 10^-18 s gives 0.
    /// </summary>
    public static long FromPcapNg(ulong ticks, byte resolution, long offsetSeconds)
    {
        long offsetNs = offsetSeconds * NanosPerSecond;
        int exponent = resolution & ~PcapNgDescriptor.TimestampResolutionBinaryFlag;
        if ((resolution & PcapNgDescriptor.TimestampResolutionBinaryFlag) != 0)
        {
            // ticks × 10^9 / 2^n in 128 bits: the product of a 64-bit tick count and 10^9 overflows 64 bits
            UInt128 scaled = (UInt128)ticks * NanosPerSecond;
            return (long)(ulong)(scaled >> Math.Min(exponent, 127)) + offsetNs;
        }

        if (exponent <= 9)
        {
            return (long)ticks * PowersOfTen[9 - exponent] + offsetNs;
        }

        int divisorExponent = exponent - 9;
        return divisorExponent < PowersOfTen.Length ? (long)(ticks / (ulong)PowersOfTen[divisorExponent]) + offsetNs : offsetNs;
    }

    /// <summary>Classic pcap seconds + fraction (µs or ns by the magic) to nanoseconds.</summary>
    public static long FromPcap(uint seconds, uint fraction, bool nanosecond) =>
        seconds * NanosPerSecond + (nanosecond ? fraction : fraction * 1_000L);
}
