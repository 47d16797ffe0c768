using Llt.Hotpath.Journal;
using static Llt.Hotpath.Tests.Journal.JournalTestSupport;

namespace Llt.Hotpath.Tests.Journal;

/// <summary>
/// The writer's background pre-toucher (JournalPretoucher): after the kernel writes a segment back (here an
/// fsync of the segment file, as a `sync` or the dirty-page flusher does), the pre-touched pages ahead of the
/// writer are write-protected; the pre-toucher makes them writable again so the writer takes no page fault.
/// </summary>
public sealed class JournalPretoucherTests
{
    private const int PageSize = 4096;
    private const int PagesToWrite = 8;
    private const int PayloadLength = 200;

    [WritebackFilesystemFact]
    public void Append_AfterWritebackCleanedTheSegment_TakesNoPageFaultOnTheWriterThread()
    {
        using var temp = new TempJournalDirectory(WritebackFilesystemFactAttribute.Root!);
        using var writer = ExclusiveJournalWriter.Open(new JournalOptions
        {
            Directory = temp.Journal,
            SegmentLength = 1 << 20,
            PreTouch = true,
        });
        byte[] payload = Payload(1, PayloadLength);
        using var faults = new ThreadMinorFaults();
        // Warm-up: Append and the fault reader compiled, the writer's first page dirty.
        AppendPages(writer, payload, 1);
        faults.Read();

        // A writeback can land between the pre-toucher's pass and the appends (another process's sync, the
        // flusher): then one attempt sees the writer fault, so up to three attempts. Without the pre-toucher every
        // attempt faults on each of the PagesToWrite pages, so this still fails every time the fix is missing.
        long writerFaults = -1;
        long retouched = 0;
        for (int attempt = 0; attempt < 3 && writerFaults != 0; attempt++)
        {
            long retouchedBefore = writer.PagesRetouched;
            WriteBack(temp.Journal, writer.ActiveSegmentIndex);
            // The pre-toucher's next pass (every 1 ms) faults on every cleaned page of its window, at least 16.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (writer.PagesRetouched < retouchedBefore + PagesToWrite && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(1);
            }

            // Let the pass that counted them finish its window.
            Thread.Sleep(20);
            retouched = writer.PagesRetouched - retouchedBefore;

            long before = faults.Read();
            AppendPages(writer, payload, PagesToWrite);
            writerFaults = faults.Read() - before;
        }

        Assert.Equal(0, writerFaults);
        // The writeback did write-protect the pages, and the faults were taken by the pre-toucher instead.
        Assert.True(retouched >= PagesToWrite, $"the pre-toucher should have re-faulted the {PagesToWrite}+ cleaned pages ahead of the writer; it re-faulted {retouched}");
        Assert.Null(writer.BackgroundFailure);
    }

    [WritebackFilesystemFact]
    public void Append_WhileWritebackAndPretouchRunAcrossRolls_KeepsEveryFrameIntact()
    {
        using var temp = new TempJournalDirectory(WritebackFilesystemFactAttribute.Root!);
        const int frameCount = 20_000;
        using (var writer = ExclusiveJournalWriter.Open(new JournalOptions
        {
            Directory = temp.Journal,
            SegmentLength = 64 * 1024,
            PreTouch = true,
        }))
        {
            // Cleans the active segment again and again, so the pre-toucher's compare-and-swaps keep landing on
            // pages (and words) the writer is writing at the same time, and segments are retired and unmapped
            // under it on every roll.
            using var stop = new CancellationTokenSource();
            var cleaner = new Thread(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        WriteBack(temp.Journal, writer.ActiveSegmentIndex);
                    }
                    catch (IOException)
                    {
                        // The segment was retired and deleted between reading its index and opening it.
                    }
                }
            });
            cleaner.Start();
            AppendFrames(writer, frameCount, PayloadLength);
            stop.Cancel();
            cleaner.Join();
            Assert.True(writer.Rolls > 50);
            Assert.Null(writer.BackgroundFailure);
        }

        using var tailer = JournalTailer.OpenAtStart(temp.Journal);
        var frames = ReadAll(tailer);
        Assert.Equal(frameCount, frames.Count);
        for (int i = 0; i < frames.Count; i++)
        {
            long sequence = i + 1;
            Assert.Equal(sequence, frames[i].Sequence);
            Assert.Equal(Payload(sequence, PayloadLength), frames[i].Payload);
        }
    }

    private static void AppendPages(ExclusiveJournalWriter writer, byte[] payload, int pages)
    {
        long end = writer.Position + ((long)pages * PageSize);
        while (writer.Position < end)
        {
            Assert.True(writer.Append(1, payload, timestampNs: 1) > 0);
        }
    }

    /// <summary>fsync of the segment file: writes its dirty pages back, which write-protects every mapping of them.</summary>
    private static void WriteBack(string directory, long segmentIndex)
    {
        using var file = new FileStream(SegmentPath(directory, segmentIndex), FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        file.Flush(flushToDisk: true);
    }
}
