using Llt.Hotpath.Config;
using Llt.Hotpath.Journal;
using Llt.Sbe;
using Llt.Shell.Commands.Feed;
using Llt.Shell.Hosting;

namespace Llt.Shell.Tests.Feed;

/// <summary>The failover switches <c>llt feed status</c> lists, read back from a journal the way the engine writes them.</summary>
public sealed class FeedSwitchHistoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("llt-feed-switches-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Journal => Path.Combine(_dir, "journal");

    private void WriteSwitches(int count)
    {
        var buffer = new byte[256];
        using var writer = ExclusiveJournalWriter.Open(new JournalOptions { Directory = Journal, SegmentLength = 1 << 20, PreTouch = false });
        for (int i = 0; i < count; i++)
        {
            var feedSwitch = FeedSwitchEncoder.WrapAndApplyHeader(buffer, 0);
            feedSwitch.SetInstrumentId(i % 2);
            feedSwitch.SetFromFeedId((byte)(1 + (i % 2)));
            feedSwitch.SetToFeedId((byte)(2 - (i % 2)));
            feedSwitch.SetFromState(i % 2 == 0 ? FeedState.Gapped : FeedState.Healthy);
            feedSwitch.SetTs((ulong)(1_704_207_600_000_000_000L + i));
            writer.Append(FeedSwitchEncoder.TemplateId, buffer.AsSpan(0, FeedSwitchEncoder.HeaderLength + feedSwitch.EncodedLength), 1);
            var heartbeat = HeartbeatEncoder.WrapAndApplyHeader(buffer, 0); // other frames in between are passed over
            writer.Append(HeartbeatEncoder.TemplateId, buffer.AsSpan(0, HeartbeatEncoder.HeaderLength + heartbeat.EncodedLength), 1);
        }
    }

    [Fact]
    public void TheNewestSwitches_AreKept_OldestFirst()
    {
        WriteSwitches(15);

        IReadOnlyList<FeedSwitchRow> rows = FeedSwitchHistory.Last(Journal, 10, out string? error);

        Assert.Null(error);
        Assert.Equal(10, rows.Count);
        Assert.Equal(Enumerable.Range(5, 10).Select(i => 1_704_207_600_000_000_000L + i), rows.Select(r => r.TsNs));
        Assert.Equal((0, 1, 2, FeedState.Gapped), (rows[^1].InstrumentId, rows[^1].FromFeedId, rows[^1].ToFeedId, rows[^1].FromState));
    }

    [Fact]
    public void Describe_SaysWhenWhichInstrumentAndFromWhichFeedInWhichStateToWhich()
    {
        WriteSwitches(2);
        IReadOnlyList<FeedSwitchRow> rows = FeedSwitchHistory.Last(Journal, 10, out _);
        var config = new EngineConfig();

        Assert.Equal("2024-01-02T15:00:00.000000000Z AAPL: feed 1 gapped -> feed 2", FeedSwitchHistory.Describe(rows[0], config));
        Assert.Equal($"2024-01-02T15:00:00.000000001Z {config.Instruments[1].Symbol}: feed 2 healthy -> feed 1", FeedSwitchHistory.Describe(rows[1], config));
    }

    [Fact]
    public void NoJournal_IsEmpty_WithTheReason()
    {
        IReadOnlyList<FeedSwitchRow> rows = FeedSwitchHistory.Last(Journal, 10, out string? error);

        Assert.Empty(rows);
        Assert.Contains("no journal", error, StringComparison.Ordinal);
    }
}
