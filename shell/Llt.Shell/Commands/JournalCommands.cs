using System.CommandLine;
using Llt.Hotpath.Journal;

namespace Llt.Shell.Commands;

/// <summary>
/// <c>llt journal dump|tail</c>: print journal frames one per line (sequence, position, type, timestamp,
/// length, payload). Payloads go through an <see cref="IJournalPayloadFormatter"/>; until the SBE on-the-fly
/// decoder is wired in, that is <see cref="HexJournalPayloadFormatter"/> (raw bytes, nothing invented).
/// </summary>
internal static class JournalCommands
{
    private const int ExitOk = 0;
    private const int ExitBadInput = 1;
    private const int ExitCorrupted = 2;
    private const int MaxBackoffMs = 100;

    public static Command Create() => Create(HexJournalPayloadFormatter.Instance);

    /// <summary>Builds the command group with a given payload formatter (the SBE JSON decoder, once it lands).</summary>
    public static Command Create(IJournalPayloadFormatter formatter)
    {
        var journal = new Command("journal", "inspect the event journal (memory-mapped segment files)");
        journal.Subcommands.Add(CreateDump(formatter));
        journal.Subcommands.Add(CreateTail(formatter));
        return journal;
    }

    private static Command CreateDump(IJournalPayloadFormatter formatter)
    {
        var directory = new Argument<string>("dir") { Description = "journal directory" };
        var from = new Option<long?>("--from") { Description = "start at the first frame with this sequence or later" };
        var json = new Option<bool>("--json") { Description = "one JSON object per frame" };
        var dump = new Command("dump", "print every frame from the start (or from --from SEQ) to the current end");
        dump.Arguments.Add(directory);
        dump.Options.Add(from);
        dump.Options.Add(json);
        dump.SetAction(parseResult => Run(
            parseResult.GetValue(directory)!,
            parseResult.GetValue(from) ?? 1,
            parseResult.GetValue(json),
            follow: false,
            formatter,
            CancellationToken.None));
        return dump;
    }

    private static Command CreateTail(IJournalPayloadFormatter formatter)
    {
        var directory = new Argument<string>("dir") { Description = "journal directory" };
        var from = new Option<long?>("--from") { Description = "start at this sequence (default: the current end)" };
        var follow = new Option<bool>("--follow") { Description = "keep printing new frames until Ctrl-C" };
        var json = new Option<bool>("--json") { Description = "one JSON object per frame" };
        var tail = new Command("tail", "print frames from --from SEQ (or from the current end); with --follow, keep following the writer");
        tail.Arguments.Add(directory);
        tail.Options.Add(from);
        tail.Options.Add(follow);
        tail.Options.Add(json);
        tail.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            parseResult.GetValue(directory)!,
            parseResult.GetValue(from) ?? long.MaxValue,
            parseResult.GetValue(json),
            parseResult.GetValue(follow),
            formatter,
            cancellationToken)));
        return tail;
    }

    private static int Run(string directory, long fromSequence, bool json, bool follow, IJournalPayloadFormatter formatter,
        CancellationToken cancellationToken)
    {
        JournalTailer tailer;
        try
        {
            tailer = JournalTailer.OpenAtSequence(directory, fromSequence);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"llt journal: cannot open journal '{directory}': {exception.Message}");
            return ExitBadInput;
        }

        using (tailer)
        {
            var printer = new JournalFramePrinter(Console.Out, formatter, json);
            int backoffMs = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                JournalReadResult result = tailer.TryRead(out JournalFrame frame);
                if (result == JournalReadResult.FrameRead)
                {
                    printer.Print(frame);
                    backoffMs = 0;
                    continue;
                }

                if (result == JournalReadResult.Corrupted)
                {
                    Console.Error.WriteLine(
                        $"llt journal: frame at position {tailer.Position} fails its length or CRC32C check; stopping (the writer truncates a torn tail when it reopens)");
                    return ExitCorrupted;
                }

                if (!follow)
                {
                    return ExitOk;
                }

                Console.Out.Flush();
                // Back off 1, 2, 4 ... 100 ms while the journal is idle; reset on the next frame.
                backoffMs = Math.Min(MaxBackoffMs, Math.Max(1, backoffMs * 2));
                cancellationToken.WaitHandle.WaitOne(backoffMs);
            }
        }

        return ExitOk;
    }
}
