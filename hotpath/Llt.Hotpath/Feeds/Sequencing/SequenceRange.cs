namespace Llt.Hotpath.Feeds.Sequencing;

/// <summary>Inclusive sequence range, with the deadlines by which a pending one is declared lost.</summary>
public struct SequenceRange
{
    public long From;
    public long To;

    /// <summary>Declared lost once the next expected sequence reaches this (message window).</summary>
    public long DeadlineSequence;

    /// <summary>Declared lost once a packet or <see cref="LineArbiter.ExpireGaps"/> sees a time at or past this (time window).</summary>
    public long DeadlineNs;
}
