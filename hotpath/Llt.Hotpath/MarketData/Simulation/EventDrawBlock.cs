using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// The random numbers for the next <see cref="EventDrawSlots.EventsPerBlock"/> events, produced in one pass:
/// <see cref="Xoshiro256StarStarX8"/> fills the raw draws, then every event's two exponential and two normal
/// ziggurat variates get their first attempt — the one-compare fast path that accepts ~99% — four lanes at a
/// time (one event per Vector256: lanes 0–1 exponential, 2–3 normal, layer bounds gathered from one combined
/// table). A lane the fast path rejects is finished from the same bits, in block order, with
/// <see cref="SimulationRandom.StandardExponentialOutsideInner"/> / <see cref="SimulationRandom.NormalOutsideInner"/>
/// (their further draws from the caller's scalar stream), so every variate is exactly what
/// <see cref="SimulationRandom.StandardExponential(ulong)"/> or <see cref="SimulationRandom.Normal(ulong)"/> gives
/// for those bits (tested), on any machine: the scalar path without AVX2 computes the same integer compares and
/// the same single IEEE multiply.
/// </summary>
public sealed unsafe class EventDrawBlock
{
    private const int LayerMask = ZigguratTable.LayerMask;
    private const int Layers = ZigguratTable.Layers;

    // [exponential layers | normal layers], pinned for the process so the gathers can address them
    private static readonly long[] s_inner = CombinedLayers(ZigguratTable.Exponential.Inner, ZigguratTable.Normal.Inner);
    private static readonly double[] s_width = CombinedLayers(ZigguratTable.Exponential.Width, ZigguratTable.Normal.Width);

    private readonly Xoshiro256StarStarX8 _generator;
    private readonly ulong[] _bits = new ulong[EventDrawSlots.BlockLength];
    // per event: [exponential 0, exponential 1, normal 0, normal 1]
    private readonly double[] _variates = new double[2 * EventDrawSlots.VariateLength];
    // bit e set: event e has a lane the fast path rejected (64 events, one word)
    private ulong _rejectedEvents;

    public EventDrawBlock(Xoshiro256StarStarX8 generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        _generator = generator;
    }

    /// <summary>Raw 64-bit draws per event, <see cref="EventDrawSlots.RawPerEvent"/> to a row.</summary>
    public ReadOnlySpan<ulong> Raw => _bits.AsSpan(0, EventDrawSlots.RawLength);

    /// <summary>The bits behind the variates, four per event: two exponentials, then two normals.</summary>
    public ReadOnlySpan<ulong> VariateBits => _bits.AsSpan(EventDrawSlots.RawLength);

    /// <summary>The variates (same layout as <see cref="VariateBits"/>).</summary>
    public ReadOnlySpan<double> Variates => _variates;

    /// <summary>Draws the next block: new raw draws and variates for every event; rejections draw from <paramref name="random"/>.</summary>
    public void Refill(ref SimulationRandom random)
    {
        _generator.Fill(_bits);
        if (Avx2.IsSupported)
        {
            VariatesVector();
        }
        else
        {
            VariatesScalar();
        }

        FinishRejected(ref random);
    }

    /// <summary>
    /// <see cref="Refill"/> without AVX2: the path other machines take, public so tests hold both to the same bits.
    /// </summary>
    public void RefillPortable(ref SimulationRandom random)
    {
        _generator.FillScalar(_bits);
        VariatesScalar();
        FinishRejected(ref random);
    }

    /// <summary>Event <paramref name="index"/>'s first raw draw (its row runs on for RawPerEvent).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref ulong RawRow(int index) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bits), index * EventDrawSlots.RawPerEvent);

    /// <summary>Normal variate <paramref name="which"/> of event <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double Normal(int index, int which) =>
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_variates), index * 4 + 2 + which);

    // ~1% of the lanes: the wedge test, the tail, or another attempt, in block order
    private void FinishRejected(ref SimulationRandom random)
    {
        ulong pending = _rejectedEvents;
        while (pending != 0)
        {
            int e = BitOperations.TrailingZeroCount(pending);
            pending &= pending - 1;
            for (int i = 4 * e; i < 4 * e + 4; i++)
            {
                if (double.IsNaN(_variates[i]))
                {
                    ulong bits = _bits[EventDrawSlots.RawLength + i];
                    _variates[i] = (i & 3) >= 2 ? random.NormalOutsideInner(bits) : random.StandardExponentialOutsideInner(bits);
                }
            }
        }
    }

    private void VariatesVector()
    {
        ref ulong bits = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bits), EventDrawSlots.RawLength);
        ref double output = ref MemoryMarshal.GetArrayDataReference(_variates);
        long* inner = (long*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(s_inner));
        double* width = (double*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(s_width));
        Vector256<long> isNormal = Vector256.Create(0L, 0L, -1L, -1L);
        Vector256<long> tableOffset = Vector256.Create(0L, 0L, Layers, Layers);
        Vector256<ulong> layerMask = Vector256.Create((ulong)LayerMask);
        Vector256<double> rejected = Vector256.Create(double.NaN);
        ulong rejectedEvents = 0;
        for (nuint i = 0; i < (nuint)(2 * EventDrawSlots.VariateLength); i += 4)
        {
            Vector256<ulong> b = Vector256.LoadUnsafe(ref bits, i);
            Vector256<long> layer = (b & layerMask).AsInt64() + tableOffset;
            // exponential: bits 11–63 unsigned; normal: bits 11–63 signed (the sign is the variate's)
            Vector256<long> unsignedJ = (b >>> 11).AsInt64();
            Vector256<long> signedJ = Vector256.ShiftRightArithmetic(b.AsInt64(), 11);
            Vector256<long> j = Vector256.ConditionalSelect(isNormal, signedJ, unsignedJ);
            Vector256<long> magnitude = Vector256.ConditionalSelect(isNormal, Vector256.Abs(signedJ), unsignedJ);
            Vector256<long> innerBound = Avx2.GatherVector256(inner, layer, 8);
            Vector256<double> layerWidth = Avx2.GatherVector256(width, layer, 8);
            Vector256<double> x = Vector256.ConvertToDouble(j) * layerWidth;
            Vector256<double> accepted = Vector256.LessThan(magnitude, innerBound).AsDouble();
            Vector256.ConditionalSelect(accepted, x, rejected).StoreUnsafe(ref output, i);
            // a lane's sign bit is set when accepted: any clear one marks the event
            ulong anyRejected = (~accepted.ExtractMostSignificantBits() & 0xF) == 0 ? 0UL : 1UL;
            rejectedEvents |= anyRejected << (int)(i / 4);
        }

        _rejectedEvents = rejectedEvents;
    }

    private void VariatesScalar()
    {
        ReadOnlySpan<ulong> bits = _bits.AsSpan(EventDrawSlots.RawLength);
        ulong rejectedEvents = 0;
        for (int i = 0; i < bits.Length; i++)
        {
            ulong b = bits[i];
            bool normal = (i & 3) >= 2;
            int layer = (int)(b & LayerMask) + (normal ? Layers : 0);
            long j = normal ? (long)b >> 11 : (long)(b >> 11);
            long magnitude = normal ? Math.Abs(j) : j;
            bool accepted = magnitude < s_inner[layer];
            _variates[i] = accepted ? j * s_width[layer] : double.NaN;
            if (!accepted)
            {
                rejectedEvents |= 1UL << (i / 4);
            }
        }

        _rejectedEvents = rejectedEvents;
    }

    private static T[] CombinedLayers<T>(T[] exponential, T[] normal)
    {
        T[] combined = GC.AllocateArray<T>(2 * Layers, pinned: true);
        exponential.CopyTo(combined, 0);
        normal.CopyTo(combined, Layers);
        return combined;
    }
}
