namespace Llt.Hotpath.Journal;

/// <summary>What the writer found when it opened an existing journal.</summary>
public readonly record struct JournalRecoveryReport(
    bool CreatedNew,
    int SegmentsScanned,
    long ValidFramesScanned,
    long TailPosition,
    long NextSequence,
    long DroppedFrames,
    long DroppedBytes,
    string? Reason)
{
    public bool Truncated => DroppedBytes > 0;

    public override string ToString() => CreatedNew
        ? "created a new journal"
        : Truncated
            ? $"recovered to position {TailPosition} (next sequence {NextSequence}); dropped {DroppedFrames} frame(s), {DroppedBytes} byte(s): {Reason}"
            : $"clean: tail position {TailPosition}, next sequence {NextSequence}, {ValidFramesScanned} frame(s) verified in {SegmentsScanned} segment(s)";
}
