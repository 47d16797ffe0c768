using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Llt.Hotpath.Journal;

namespace Llt.Benchmarks.Journal;

/// <summary>
/// Appends 64-byte payloads (96-byte frames) with 64 MiB pre-touched segments, on a disk-backed directory
/// (/tmp) and on tmpfs (/dev/shm, no writeback), so the cost of the append itself shows apart from the
/// page-cache writeback a disk journal pays at this rate. Retention keeps 4 segments. One operation = one frame.
/// </summary>
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
public class JournalAppendBenchmarks
{
    private const int FramesPerInvoke = 10_000;
    private readonly byte[] _payload = new byte[64];
    private string _directory = "";
    private ExclusiveJournalWriter _writer = null!;
    private long _timestampNs;

    [Params("/tmp", "/dev/shm")]
    public string Root { get; set; } = "/tmp";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Root, "llt-journal-bench-append-" + Guid.NewGuid().ToString("N"));
        _writer = ExclusiveJournalWriter.Open(new JournalOptions
        {
            Directory = _directory,
            SegmentLength = 64L * 1024 * 1024,
            Retention = new JournalRetentionPolicy { MaxSegments = 4 },
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// journal append: {_writer.NextSequence - 1} frames, {_writer.Rolls} rolls, {_writer.RollStalls} roll stalls");
        _writer.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public long Append64()
    {
        long result = 0;
        for (int i = 0; i < FramesPerInvoke; i++)
        {
            result = _writer.Append(1, _payload, _timestampNs++);
        }

        return result;
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public long TryClaimCommit64()
    {
        long result = 0;
        for (int i = 0; i < FramesPerInvoke; i++)
        {
            _writer.TryClaim(1, 64, _timestampNs++, out Span<byte> payload);
            payload[0] = (byte)i;
            result = _writer.Commit();
        }

        return result;
    }
}
