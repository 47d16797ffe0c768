using Llt.Hotpath.Counters;

namespace Llt.Hotpath.Engine;

/// <summary>
/// The engine's counters and histograms, allocated once at start-up in the shared counters file so that
/// `llt stat` can read them live. Type ids group them for tools: 1xx market data, 2xx control, 3xx journal,
/// 4xx runtime, 9xx latency histograms.
/// </summary>
public sealed class EngineCounters
{
    public EngineCounters(CountersManager counters)
    {
        MdReceived = counters.AllocateCounter(100, "md: records received");
        MdAccepted = counters.AllocateCounter(101, "md: messages accepted");
        MdRejected = counters.AllocateCounter(102, "md: messages rejected (any reason)");
        MdUnknownType = counters.AllocateCounter(103, "md: messages rejected (not market data)");
        MdRingCorrupt = counters.AllocateCounter(104, "md: ring records skipped as corrupt");
        MdQuotes = counters.AllocateCounter(110, "md: quotes");
        MdTrades = counters.AllocateCounter(111, "md: trades");
        MdBookUpdates = counters.AllocateCounter(112, "md: book updates (L2 and L3)");
        MdFeedHealth = counters.AllocateCounter(113, "md: feed health messages (heartbeat, gap, recovered, down)");
        MdBookQuotes = counters.AllocateCounter(114, "md: quotes derived from book updates (top of book changed)");
        MdLevelsBeyondDepth = counters.AllocateCounter(115, "md: L2 updates for levels below the book's kept depth (ignored)");
        CmdReceived = counters.AllocateCounter(200, "cmd: commands received");
        CmdApplied = counters.AllocateCounter(201, "cmd: commands applied");
        CmdRejected = counters.AllocateCounter(202, "cmd: commands rejected");
        KillSwitchEngaged = counters.AllocateCounter(210, "risk: kill switch engaged (1/0)");
        JournalFrames = counters.AllocateCounter(300, "journal: frames appended");
        JournalPosition = counters.AllocateCounter(301, "journal: position (bytes)");
        JournalFailures = counters.AllocateCounter(302, "journal: appends refused");
        JournalRollStalls = counters.AllocateCounter(303, "journal: segment roll stalls");
        JournalPagesRetouched = counters.AllocateCounter(304, "journal: pages the pre-toucher made writable again (faults kept off the writer)");
        AgentErrors = counters.AllocateCounter(400, "runtime: agent errors");
        DutyCycles = counters.AllocateCounter(401, "runtime: conductor duty cycles");
        MdRejectsByReason = new Counter[(MaxFeeds + 1) * ReasonCount];
        for (int feed = 0; feed <= MaxFeeds; feed++)
        {
            for (int reason = 1; reason < ReasonCount; reason++)
            {
                string feedLabel = feed == MaxFeeds ? "other" : feed.ToString(System.Globalization.CultureInfo.InvariantCulture);
                MdRejectsByReason[(feed * ReasonCount) + reason] = counters.AllocateCounter(
                    120, $"md reject: feed {feedLabel}: {(MarketData.Validation.TickRejectReason)reason}");
            }
        }

        MdRingLatency = counters.AllocateHistogram(900, "md.ring hop ns (receiveTs to end of the handling duty cycle)");
        CmdLatency = counters.AllocateHistogram(901, "cmd apply ns (ring read to journaled)");
    }

    /// <summary>Feeds with their own reject counters; higher feed ids share the "other" row.</summary>
    public const int MaxFeeds = 4;
    public const int ReasonCount = 11;

    public Counter MdReceived { get; }

    /// <summary>Rejected ticks per feed and <see cref="MarketData.Validation.TickRejectReason"/>.</summary>
    public Counter[] MdRejectsByReason { get; }

    public void CountReject(int feedId, MarketData.Validation.TickRejectReason reason)
    {
        int feed = (uint)feedId < MaxFeeds ? feedId : MaxFeeds;
        MdRejectsByReason[(feed * ReasonCount) + (int)reason].Increment();
    }
    public Counter MdAccepted { get; }
    public Counter MdRejected { get; }
    public Counter MdUnknownType { get; }
    public Counter MdRingCorrupt { get; }
    public Counter MdQuotes { get; }
    public Counter MdTrades { get; }
    public Counter MdBookUpdates { get; }

    /// <summary>L2 level updates and deletes for prices below the top N the engine keeps (a deeper feed, e.g. IEX DEEP).</summary>
    public Counter MdLevelsBeyondDepth { get; }

    public Counter MdFeedHealth { get; }

    public Counter MdBookQuotes { get; }
    public Counter CmdReceived { get; }
    public Counter CmdApplied { get; }
    public Counter CmdRejected { get; }
    public Counter KillSwitchEngaged { get; }
    public Counter JournalFrames { get; }
    public Counter JournalPosition { get; }
    public Counter JournalFailures { get; }
    public Counter JournalRollStalls { get; }

    /// <summary>Journal pages writeback had write-protected that the pre-toucher faulted back in (docs/JOURNAL.md).</summary>
    public Counter JournalPagesRetouched { get; }
    public Counter AgentErrors { get; }
    public Counter DutyCycles { get; }
    public LatencyHistogram MdRingLatency { get; }
    public LatencyHistogram CmdLatency { get; }
}
