namespace Llt.Hotpath.Indicators;

/// <summary>
/// How the batch kernels bound their rounding error: the rolling window sums are recomputed from scratch, around a
/// new anchor (the input at the chunk's first output), at the start of every chunk of outputs. Shared by the
/// scalar and vector kernels so both recompute at the same indices.
/// </summary>
internal static class WindowChunking
{
    /// <summary>Fewer outputs than this per chunk would make the O(n) recomputation show in the throughput.</summary>
    public const int MinChunkLength = 4096;

    /// <summary>Recomputation costs n reads per chunk; with 8n outputs per chunk that is ≤ 1/8 extra reads.</summary>
    public const int WindowsPerChunk = 8;

    public static int ChunkLength(int window) =>
        (int)Math.Min(Math.Max((long)WindowsPerChunk * window, MinChunkLength), int.MaxValue);
}
