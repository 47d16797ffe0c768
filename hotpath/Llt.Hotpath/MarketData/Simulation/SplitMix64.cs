namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014; the seeding generator Vigna recommends for xoshiro): a Weyl sequence
/// with step 0x9E3779B97F4A7C15 passed through a 64-bit finaliser. Used only to expand one 64-bit seed into
/// the 256-bit xoshiro state, so any seed, including 0, gives a well-mixed non-zero state.
/// </summary>
public struct SplitMix64
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    private ulong _state;

    public SplitMix64(ulong seed)
    {
        _state = seed;
    }

    public ulong Next()
    {
        ulong z = _state += GoldenGamma;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
