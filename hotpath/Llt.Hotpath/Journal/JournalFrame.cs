namespace Llt.Hotpath.Journal;

/// <summary>
/// One committed frame as a tailer sees it: a view into the mapped segment, valid until the tailer moves on
/// to another segment. Copy the payload out to keep it.
/// </summary>
public readonly ref struct JournalFrame
{
    public JournalFrame(long position, long sequence, int type, long timestampNs, ReadOnlySpan<byte> payload)
    {
        Position = position;
        Sequence = sequence;
        Type = type;
        TimestampNs = timestampNs;
        Payload = payload;
    }

    /// <summary>Journal position of the frame header.</summary>
    public long Position { get; }

    public long Sequence { get; }

    /// <summary>SBE templateId of the payload.</summary>
    public int Type { get; }

    public long TimestampNs { get; }

    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Position of the following frame: what a sink records as "delivered up to".</summary>
    public long NextPosition => Position + JournalDescriptor.AlignFrame(JournalDescriptor.FrameHeaderLength + Payload.Length);
}
