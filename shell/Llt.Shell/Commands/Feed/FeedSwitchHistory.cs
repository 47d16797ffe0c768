using System.Globalization;
using Llt.Codecs.Runtime;
using Llt.Hotpath.Config;
using Llt.Hotpath.Journal;
using Llt.Sbe;
using Llt.Shell.Hosting;

namespace Llt.Shell.Commands.Feed;

/// <summary>
/// The last failover switches the engine journaled (SBE FeedSwitch), for <c>llt feed status</c>: read from the
/// journal's first frame to its end, keeping only the newest few, so memory stays bounded whatever the journal's size.
/// </summary>
internal static class FeedSwitchHistory
{
    /// <summary>
    /// The newest <paramref name="count"/> switches in <paramref name="journalDirectory"/>, oldest first; empty with
    /// <paramref name="error"/> set when the journal cannot be read.
    /// </summary>
    public static IReadOnlyList<FeedSwitchRow> Last(string journalDirectory, int count, out string? error)
    {
        error = null;
        var newest = new Queue<FeedSwitchRow>(count + 1);
        if (count <= 0)
        {
            return [];
        }

        if (!Directory.Exists(journalDirectory) || JournalDirectory.ListSegmentIndices(journalDirectory).Count == 0)
        {
            error = $"no journal at {Path.GetFullPath(journalDirectory)}";
            return [];
        }

        try
        {
            using JournalTailer tailer = JournalTailer.OpenAtStart(journalDirectory);
            while (tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
            {
                if (frame.Type != FeedSwitchDecoder.TemplateId
                    || FeedSwitchDecoder.TryDecode(frame.Payload, 0, out FeedSwitchDecoder f, out SbeError _) != SbeDecodeStatus.Ok)
                {
                    continue;
                }

                newest.Enqueue(new FeedSwitchRow(frame.Sequence, f.InstrumentId, f.FromFeedId, f.ToFeedId, f.FromState, (long)f.Ts));
                if (newest.Count > count)
                {
                    newest.Dequeue();
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            error = $"journal {Path.GetFullPath(journalDirectory)} not readable: {e.Message}";
        }

        return [.. newest];
    }

    /// <summary>"2024-01-02T15:00:00.000000001Z AAPL: feed 1 stale -> feed 2" (255 is "none").</summary>
    public static string Describe(FeedSwitchRow row, EngineConfig config) =>
        $"{Iso(row.TsNs)} {SymbolOf(row.InstrumentId, config)}: feed {FeedName(row.FromFeedId)} {row.FromState.ToString().ToLowerInvariant()} -> feed {FeedName(row.ToFeedId)}";

    public static string SymbolOf(int instrumentId, EngineConfig config) =>
        (uint)instrumentId < (uint)config.Instruments.Count ? config.Instruments[instrumentId].Symbol : $"#{instrumentId}";

    public static string Iso(long epochNs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochNs / 1_000_000).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
        + "." + (epochNs % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture) + "Z";

    private static string FeedName(int feedId) => feedId == 255 ? "none" : feedId.ToString(CultureInfo.InvariantCulture);
}
