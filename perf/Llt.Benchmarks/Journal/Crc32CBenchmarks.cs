using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Llt.Hotpath.Journal;

namespace Llt.Benchmarks.Journal;

/// <summary>CRC32C of one buffer, SSE4.2 instruction vs slicing-by-8 table; divide Length by the mean for GB/s.</summary>
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class Crc32CBenchmarks
{
    private byte[] _data = [];

    [Params(88, 4096, 65536)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Length];
        new Random(1).NextBytes(_data);
    }

    [Benchmark(Baseline = true)]
    public uint Hardware() => Crc32C.ComputeHardware(_data);

    [Benchmark]
    public uint Software() => Crc32C.ComputeSoftware(_data);
}
