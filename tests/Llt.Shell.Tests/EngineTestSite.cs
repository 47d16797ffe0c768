using Llt.Hotpath.Journal;
using Llt.Sbe;

namespace Llt.Shell.Tests;

/// <summary>
/// Everything one engine process of a test touches: a unique engine name (so its /dev/shm/llt/&lt;name&gt;
/// directory is its own), a temporary directory with llt.json and the journal. Dispose removes both.
/// </summary>
internal sealed class EngineTestSite : IDisposable
{
    public EngineTestSite()
    {
        Name = "t-" + Guid.NewGuid().ToString("N");
        Root = Path.Combine(Path.GetTempPath(), "llt-engine-process-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Name { get; }

    public string Root { get; }

    public string ConfigPath => Path.Combine(Root, "llt.json");

    public string JournalDirectory => Path.Combine(Root, "journal");

    public string ShmDirectory => Path.Combine("/dev/shm/llt", Name);

    public string MdRingPath => Path.Combine(ShmDirectory, "md.ring");

    public string CmdRingPath => Path.Combine(ShmDirectory, "cmd.ring");

    /// <summary>Writes a valid llt.json for this site: 100 ms heartbeats, small rings and segments, default threads and instruments, no embedded simulator feed (md.ring carries only what the test writes).</summary>
    public string WriteConfig()
    {
        File.WriteAllText(ConfigPath, $$"""
            {
              "engine": {
                "name": "{{Name}}",
                "mdRingCapacity": 65536,
                "cmdRingCapacity": 65536,
                "heartbeatInterval": "100ms",
                "journal": { "dir": "{{JournalDirectory}}", "segmentSize": 1048576 }
              },
              "feed": { "type": "none" }
            }
            """);
        return ConfigPath;
    }

    public string WriteConfig(string json)
    {
        File.WriteAllText(ConfigPath, json);
        return ConfigPath;
    }

    /// <summary>Every committed frame (sequence, type, payload) from the start of the journal.</summary>
    public List<(long Sequence, int Type, byte[] Payload)> ReadJournal()
    {
        var frames = new List<(long, int, byte[])>();
        if (!Directory.Exists(JournalDirectory) || Directory.GetFiles(JournalDirectory).Length == 0)
        {
            return frames;
        }

        using JournalTailer tailer = JournalTailer.OpenAtStart(JournalDirectory);
        while (tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
        {
            frames.Add((frame.Sequence, frame.Type, frame.Payload.ToArray()));
        }

        return frames;
    }

    /// <summary>Polls the journal (bounded) until <paramref name="condition"/> holds; returns the frames then.</summary>
    public List<(long Sequence, int Type, byte[] Payload)> WaitForJournal(Func<List<(long Sequence, int Type, byte[] Payload)>, bool> condition, string what)
    {
        List<(long Sequence, int Type, byte[] Payload)> frames = [];
        bool met = SpinWait.SpinUntil(() =>
        {
            frames = ReadJournal();
            if (condition(frames))
            {
                return true;
            }

            Thread.Sleep(20);
            return false;
        }, EngineProcess.Timeout);
        Assert.True(met, $"timed out after {EngineProcess.Timeout.TotalSeconds}s waiting for the journal to show {what}; it has {frames.Count} frame(s) of types {Describe(frames)}");
        return frames;
    }

    /// <summary>"type x count" pairs, for failure messages.</summary>
    private static string Describe(List<(long Sequence, int Type, byte[] Payload)> frames) =>
        string.Join(", ", frames.GroupBy(f => f.Type).Select(g => $"{g.Key} x{g.Count()}"))
        + string.Concat(frames.Where(f => f.Type == RiskAlertDecoder.TemplateId).Select(f => $"; alert: {RiskAlertDecoder.WrapWithHeader(f.Payload, 0).GetTextAsString()}"));

    public void Dispose()
    {
        if (Directory.Exists(ShmDirectory))
        {
            Directory.Delete(ShmDirectory, recursive: true);
        }

        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
