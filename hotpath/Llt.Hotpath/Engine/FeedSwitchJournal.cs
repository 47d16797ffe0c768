using Llt.Hotpath.MarketData;
using Llt.Sbe;

namespace Llt.Hotpath.Engine;

/// <summary>Journals each feed switch as an SBE FeedSwitch event (the shell alerts on them).</summary>
public readonly struct FeedSwitchJournal : IFeedSwitchListener
{
    private const int Length = FeedSwitchEncoder.HeaderLength + FeedSwitchEncoder.BlockLength;

    private readonly EventJournal _journal;

    public FeedSwitchJournal(EventJournal journal) => _journal = journal;

    public void OnSwitch(int instrumentId, int fromFeedId, int toFeedId, FeedState fromState, long nowNs)
    {
        var message = FeedSwitchEncoder.WrapAndApplyHeader(_journal.ClearedScratch(Length), 0);
        message.SetInstrumentId(instrumentId);
        message.SetFromFeedId((byte)fromFeedId);
        message.SetToFeedId((byte)toFeedId);
        message.SetFromState(fromState);
        message.SetTs((ulong)_journal.EpochNanoTime());
        _journal.AppendScratch(FeedSwitchEncoder.TemplateId, Length);
    }
}
