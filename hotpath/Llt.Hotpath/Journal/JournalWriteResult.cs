namespace Llt.Hotpath.Journal;

/// <summary>
/// Negative results of <see cref="ExclusiveJournalWriter.TryClaim"/> and <see cref="ExclusiveJournalWriter.Append"/>;
/// a non-negative result is the journal position after the frame.
/// </summary>
public static class JournalWriteResult
{
    /// <summary>The payload is longer than one segment can hold (or negative).</summary>
    public const long InvalidLength = -1;

    /// <summary>Type is negative; negative types are reserved for the journal's own frames.</summary>
    public const long InvalidType = -2;

    /// <summary>A claim is outstanding: Commit or Abort it first.</summary>
    public const long ClaimPending = -3;

    /// <summary>The writer has been closed.</summary>
    public const long Closed = -4;

    /// <summary>Commit without an outstanding claim.</summary>
    public const long NotClaimed = -5;
}
