using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// Eight independent <see cref="Xoshiro256StarStar"/> streams stepped together, filling a block of 64-bit
/// draws in one tight loop: output i of <see cref="Fill"/> is the next output of lane i mod 8. With AVX-512 the
/// eight lanes are one vector, with Vector256 two, and a draw costs a fraction of a nanosecond; the scalar path
/// gives the same bits (integer shifts, rotates, adds and xors only), so the stream does not depend on the
/// machine.
/// <para>
/// Why a block at all: <see cref="MarketSimulator"/> draws ~11 numbers an event, and a one-at-a-time generator
/// kept in a field chains every draw through the previous draw's state in memory. Reading from a block filled
/// in advance turns that chain into independent loads.
/// </para>
/// </summary>
public sealed class Xoshiro256StarStarX8
{
    public const int Lanes = 8;

    // word w of lane l at [w * Lanes + l]: each word of the eight lanes is two adjacent vectors
    private readonly ulong[] _state = new ulong[4 * Lanes];

    /// <summary>Seeds the 8 × 4 state words with successive outputs of <paramref name="seeder"/>, lane by lane.</summary>
    public Xoshiro256StarStarX8(ref SplitMix64 seeder)
    {
        for (int lane = 0; lane < Lanes; lane++)
        {
            for (int word = 0; word < 4; word++)
            {
                _state[word * Lanes + lane] = seeder.Next();
            }
        }
    }

    /// <summary>Lane <paramref name="lane"/>'s state as a scalar generator (known-answer tests).</summary>
    public Xoshiro256StarStar Lane(int lane)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lane);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lane, Lanes);
        return new Xoshiro256StarStar(_state[lane], _state[Lanes + lane], _state[2 * Lanes + lane], _state[3 * Lanes + lane]);
    }

    /// <summary>Fills <paramref name="destination"/> (a multiple of 8 long) with the lanes' next outputs, interleaved.</summary>
    public void Fill(Span<ulong> destination)
    {
        if (destination.Length % Lanes != 0)
        {
            SimulatorThrowHelper.ThrowArgument(nameof(destination), "length must be a multiple of 8");
        }

        if (Vector512.IsHardwareAccelerated)
        {
            FillVector512(destination);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            FillVector(destination);
        }
        else
        {
            FillScalar(destination);
        }
    }

    /// <summary>The portable path <see cref="Fill"/> takes without Vector256 hardware; same output (tested).</summary>
    public void FillScalar(Span<ulong> destination)
    {
        if (destination.Length % Lanes != 0)
        {
            SimulatorThrowHelper.ThrowArgument(nameof(destination), "length must be a multiple of 8");
        }

        ulong[] s = _state;
        for (int i = 0; i < destination.Length; i += Lanes)
        {
            for (int lane = 0; lane < Lanes; lane++)
            {
                ulong s0 = s[lane], s1 = s[Lanes + lane], s2 = s[2 * Lanes + lane], s3 = s[3 * Lanes + lane];
                destination[i + lane] = BitOperations.RotateLeft(s1 * 5, 7) * 9;
                ulong t = s1 << 17;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = BitOperations.RotateLeft(s3, 45);
                s[lane] = s0;
                s[Lanes + lane] = s1;
                s[2 * Lanes + lane] = s2;
                s[3 * Lanes + lane] = s3;
            }
        }
    }

    private void FillVector(Span<ulong> destination)
    {
        ref ulong state = ref MemoryMarshal.GetArrayDataReference(_state);
        Vector256<ulong> a0 = Vector256.LoadUnsafe(ref state, 0), b0 = Vector256.LoadUnsafe(ref state, 4);
        Vector256<ulong> a1 = Vector256.LoadUnsafe(ref state, 8), b1 = Vector256.LoadUnsafe(ref state, 12);
        Vector256<ulong> a2 = Vector256.LoadUnsafe(ref state, 16), b2 = Vector256.LoadUnsafe(ref state, 20);
        Vector256<ulong> a3 = Vector256.LoadUnsafe(ref state, 24), b3 = Vector256.LoadUnsafe(ref state, 28);
        ref ulong output = ref MemoryMarshal.GetReference(destination);
        for (nuint i = 0; i < (nuint)destination.Length; i += Lanes)
        {
            Scramble(a1).StoreUnsafe(ref output, i);
            Scramble(b1).StoreUnsafe(ref output, i + 4);
            Step(ref a0, ref a1, ref a2, ref a3);
            Step(ref b0, ref b1, ref b2, ref b3);
        }

        a0.StoreUnsafe(ref state, 0);
        b0.StoreUnsafe(ref state, 4);
        a1.StoreUnsafe(ref state, 8);
        b1.StoreUnsafe(ref state, 12);
        a2.StoreUnsafe(ref state, 16);
        b2.StoreUnsafe(ref state, 20);
        a3.StoreUnsafe(ref state, 24);
        b3.StoreUnsafe(ref state, 28);
    }

    // AVX-512: the eight lanes are one register per state word
    private void FillVector512(Span<ulong> destination)
    {
        ref ulong state = ref MemoryMarshal.GetArrayDataReference(_state);
        Vector512<ulong> s0 = Vector512.LoadUnsafe(ref state, 0);
        Vector512<ulong> s1 = Vector512.LoadUnsafe(ref state, 8);
        Vector512<ulong> s2 = Vector512.LoadUnsafe(ref state, 16);
        Vector512<ulong> s3 = Vector512.LoadUnsafe(ref state, 24);
        ref ulong output = ref MemoryMarshal.GetReference(destination);
        for (nuint i = 0; i < (nuint)destination.Length; i += Lanes)
        {
            Vector512<ulong> times5 = (s1 << 2) + s1;
            Vector512<ulong> rotated = (times5 << 7) | (times5 >>> 57);
            ((rotated << 3) + rotated).StoreUnsafe(ref output, i);
            Vector512<ulong> t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = (s3 << 45) | (s3 >>> 19);
        }

        s0.StoreUnsafe(ref state, 0);
        s1.StoreUnsafe(ref state, 8);
        s2.StoreUnsafe(ref state, 16);
        s3.StoreUnsafe(ref state, 24);
    }

    // rotl(s1 · 5, 7) · 9 with the multiplies as shift-and-add (AVX2 has no 64-bit multiply)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Scramble(Vector256<ulong> s1)
    {
        Vector256<ulong> times5 = (s1 << 2) + s1;
        Vector256<ulong> rotated = (times5 << 7) | (times5 >>> 57);
        return (rotated << 3) + rotated;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(ref Vector256<ulong> s0, ref Vector256<ulong> s1, ref Vector256<ulong> s2, ref Vector256<ulong> s3)
    {
        Vector256<ulong> t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 45) | (s3 >>> 19);
    }
}
