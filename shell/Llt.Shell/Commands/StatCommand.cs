using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Llt.Hotpath.Counters;

namespace Llt.Shell.Commands;

/// <summary>
/// `llt stat`: a live view of an engine's counters file (AeronStat for llt). Maps the file read-only, so it
/// never writes to the engine's cache lines; reopens the path when the writer looks stale, so it follows an
/// engine restart.
/// </summary>
internal static class StatCommand
{
    private const int ExitOk = 0;
    private const int ExitBadFile = 2;

    // ANSI: cursor home + clear screen, only when stdout is a terminal.
    private const string ClearScreen = "\u001b[H\u001b[2J";

    public static Command Create()
    {
        var engine = new Option<string>("--engine")
        {
            Description = $"Engine name: reads {CountersDescriptor.DefaultPath("<engine>")}",
            DefaultValueFactory = _ => CountersDescriptor.DefaultEngineName,
        };
        var dir = new Option<string>("--dir") { Description = $"Engine directory holding {CountersDescriptor.FileName}" };
        var file = new Option<string>("--file") { Description = "Counters file path" };
        var json = new Option<bool>("--json") { Description = "Print one snapshot as JSON and exit" };
        var interval = new Option<int>("--interval")
        {
            Description = "Refresh interval in ms",
            DefaultValueFactory = _ => 1000,
        };
        var count = new Option<int>("--count") { Description = "Refreshes before exiting (default: until Ctrl+C)" };

        var stat = new Command("stat", "Show engine counters and latency histograms live (rates, p50..max, heartbeat)");
        stat.Options.Add(engine);
        stat.Options.Add(dir);
        stat.Options.Add(file);
        stat.Options.Add(json);
        stat.Options.Add(interval);
        stat.Options.Add(count);
        stat.Validators.Add(result =>
        {
            if (result.GetResult(dir) is not null && result.GetResult(file) is not null)
            {
                result.AddError("--dir and --file are alternatives: give one");
            }

        });
        // Option validators see only options given on the command line, so range checks run on parsed values.
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0)
            {
                result.AddError("--interval must be > 0 ms");
            }
        });
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--count must be >= 0");
            }
        });
        stat.SetAction((parseResult, cancellationToken) =>
        {
            string path = ResolvePath(parseResult.GetValue(file), parseResult.GetValue(dir), parseResult.GetValue(engine)!);
            return parseResult.GetValue(json)
                ? Task.FromResult(PrintJson(path))
                : RunLive(path, parseResult.GetValue(interval), parseResult.GetValue(count), cancellationToken);
        });
        return stat;
    }

    /// <summary>--file as given, else --dir/counters.dat, else the engine's default path shared with the engine.</summary>
    private static string ResolvePath(string? file, string? dir, string engine)
    {
        if (!string.IsNullOrEmpty(file))
        {
            return file;
        }

        return string.IsNullOrEmpty(dir) ? CountersDescriptor.DefaultPath(engine) : Path.Combine(dir, CountersDescriptor.FileName);
    }

    private static int PrintJson(string path)
    {
        if (!CountersReader.TryOpen(path, out CountersReader? reader, out string error))
        {
            Console.Error.WriteLine($"llt stat: {error}");
            return ExitBadFile;
        }

        using (reader)
        {
            StatSnapshot snapshot = StatSnapshot.Capture(reader, reader.CreateSnapshot(), path);
            using Stream stdout = Console.OpenStandardOutput();
            StatJsonWriter.Write(stdout, snapshot);
        }

        return ExitOk;
    }

    private static async Task<int> RunLive(string path, int intervalMs, int refreshes, CancellationToken cancellationToken)
    {
        if (!CountersReader.TryOpen(path, out CountersReader? reader, out string error))
        {
            Console.Error.WriteLine($"llt stat: {error}");
            return ExitBadFile;
        }

        HistogramSnapshot scratch = reader.CreateSnapshot();
        StatSnapshot? previous = null;
        bool terminal = !Console.IsOutputRedirected;
        try
        {
            for (int refresh = 1; !cancellationToken.IsCancellationRequested; refresh++)
            {
                StatSnapshot snapshot = StatSnapshot.Capture(reader, scratch, path);
                string view = StatTextRenderer.Render(snapshot, previous);
                Console.Out.Write(terminal ? ClearScreen + view : view + "\n");
                if (refreshes > 0 && refresh >= refreshes)
                {
                    break;
                }

                if (snapshot.IsStale && TryReopen(path, reader, out CountersReader? reopened))
                {
                    // A restarted engine wrote a new file at the same path: follow it.
                    reader.Dispose();
                    reader = reopened;
                    scratch = reader.CreateSnapshot();
                }

                previous = snapshot;
                try
                {
                    await Task.Delay(intervalMs, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        finally
        {
            reader.Dispose();
        }

        return ExitOk;
    }

    private static bool TryReopen(string path, CountersReader current, [NotNullWhen(true)] out CountersReader? reopened)
    {
        if (CountersReader.TryOpen(path, out reopened, out _))
        {
            if (reopened.StartTimeEpochNs != current.StartTimeEpochNs || reopened.WriterPid != current.WriterPid)
            {
                return true;
            }

            reopened.Dispose();
            reopened = null;
        }

        return false;
    }
}
