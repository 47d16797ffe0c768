using Llt.Hotpath.Journal;
using Llt.Sbe;

namespace Llt.Shell.Tests.Sinks;

/// <summary>
/// A journal in a temporary directory that a test appends real SBE frames to (quotes and risk alerts), as the
/// engine would; small segments so a few thousand frames cross segment rolls. Dispose removes it.
/// </summary>
internal sealed class TestJournal : IDisposable
{
    private ExclusiveJournalWriter? _writer;

    private readonly JournalRetentionPolicy _retention;

    /// <param name="keepSegments">Retention as the engine runs it: keep this many segments (0: all)...</param>
    /// <param name="archive">...moving older ones to <see cref="Archive"/> instead of deleting them.</param>
    public TestJournal(int keepSegments = 0, bool archive = false)
    {
        Root = Path.Combine(Path.GetTempPath(), "llt-sink-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Root);
        _retention = keepSegments == 0
            ? JournalRetentionPolicy.KeepAll
            : new JournalRetentionPolicy
            {
                MaxSegments = keepSegments,
                Mode = archive ? JournalRetentionMode.Archive : JournalRetentionMode.Delete,
                ArchiveDirectory = archive ? Archive : null,
            };
    }

    public string Root { get; }

    public string Directory => Path.Combine(Root, "journal");

    /// <summary>Where an archiving retention policy should move segments (created by the journal's retention).</summary>
    public string Archive => Path.Combine(Root, "archive");

    /// <summary>Sequence of the last frame appended (0: none).</summary>
    public long LastSequence { get; private set; }

    /// <summary>Appends <paramref name="count"/> quotes; every 10th frame is a risk alert instead. Returns the last sequence.</summary>
    public long Append(int count)
    {
        _writer ??= ExclusiveJournalWriter.Open(new JournalOptions { Directory = Directory, SegmentLength = 64 * 1024, PreTouch = false, Retention = _retention });
        var buffer = new byte[512];
        for (int i = 0; i < count; i++)
        {
            long sequence = _writer.NextSequence;
            long nowNs = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;
            int length;
            int type;
            if (sequence % 10 == 0)
            {
                var alert = RiskAlertEncoder.WrapAndApplyHeader(buffer, 0);
                alert.SetBreachType(BreachType.PositionLimit);
                alert.SetSeverity(Severity.Warning);
                alert.SetStrategyId(1);
                alert.SetInstrumentId(0);
                alert.SetValue(sequence);
                alert.SetLimitValue(1000);
                alert.SetTs((ulong)nowNs);
                alert.SetText($"alert {sequence}");
                length = RiskAlertEncoder.HeaderLength + alert.EncodedLength;
                type = RiskAlertEncoder.TemplateId;
            }
            else
            {
                var quote = QuoteEncoder.WrapAndApplyHeader(buffer, 0);
                quote.SetInstrumentId((int)(sequence % 3));
                quote.SetFeedId(1);
                quote.SetBidPrice(190_00000000 + sequence);
                quote.SetBidSize(100);
                quote.SetAskPrice(190_01000000 + sequence);
                quote.SetAskSize(100);
                quote.SetExchangeTs((ulong)nowNs);
                quote.SetReceiveTs((ulong)nowNs);
                length = QuoteEncoder.HeaderLength + QuoteEncoder.BlockLength;
                type = QuoteEncoder.TemplateId;
            }

            long result = _writer.Append(type, buffer.AsSpan(0, length), nowNs);
            Assert.True(result > 0, $"journal append failed with {result}");
            LastSequence = sequence;
        }

        return LastSequence;
    }

    public void Dispose()
    {
        _writer?.Dispose();
        if (System.IO.Directory.Exists(Root))
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
    }
}
