using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Llt.Hotpath.Journal;

namespace Llt.Benchmarks.Journal;

/// <summary>
/// A tailer reading committed 64-byte-payload frames (2M frames over three 64 MiB segments, written in setup).
/// One operation = one frame. Includes the tailer's segment switches and first-touch page faults of its
/// read-only mappings, as a live tailer pays them.
/// </summary>
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
public class JournalTailerBenchmarks
{
    private const int FramesPerInvoke = 10_000;
    private const int FramesWritten = 2_000_000;
    private string _directory = "";
    private JournalTailer _tailer = null!;

    [Params(true, false)]
    public bool VerifyChecksums { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine("/tmp", "llt-journal-bench-tail-" + Guid.NewGuid().ToString("N"));
        var payload = new byte[64];
        using (var writer = ExclusiveJournalWriter.Open(new JournalOptions { Directory = _directory, SegmentLength = 64L * 1024 * 1024 }))
        {
            for (int i = 0; i < FramesWritten; i++)
            {
                writer.Append(1, payload, i);
            }
        }

        _tailer = JournalTailer.OpenAtStart(_directory, VerifyChecksums);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tailer.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public long Read()
    {
        long sum = 0;
        for (int i = 0; i < FramesPerInvoke; i++)
        {
            if (_tailer.TryRead(out JournalFrame frame) != JournalReadResult.FrameRead)
            {
                // End of the pre-written journal: start over (about once per 200 invocations).
                _tailer.Dispose();
                _tailer = JournalTailer.OpenAtStart(_directory, VerifyChecksums);
                continue;
            }

            sum += frame.Sequence;
        }

        return sum;
    }
}
