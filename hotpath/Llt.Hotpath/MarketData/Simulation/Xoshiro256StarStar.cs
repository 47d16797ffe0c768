using System.Numerics;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2018): 256 bits of
/// state, period 2^256 − 1, a handful of shifts, rotates and two multiplies per 64-bit output. Integer-only,
/// so its output for a seed is identical on every machine. A mutable struct: keep it in a field and call it
/// in place (a copy would fork the stream).
/// </summary>
public struct Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the state with four successive SplitMix64 outputs, as the algorithm's authors advise.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var mixer = new SplitMix64(seed);
        _s0 = mixer.Next();
        _s1 = mixer.Next();
        _s2 = mixer.Next();
        _s3 = mixer.Next();
    }

    /// <summary>Sets the raw state (known-answer tests); all-zero is the one state the generator cannot leave.</summary>
    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            SimulatorThrowHelper.ThrowArgument(nameof(s0), "xoshiro256** state must not be all zero");
        }

        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }
}
