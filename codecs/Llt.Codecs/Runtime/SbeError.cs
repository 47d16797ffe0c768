namespace Llt.Codecs.Runtime;

/// <summary>Where (absolute byte offset in the buffer) and why a checked decode failed.</summary>
public readonly struct SbeError
{
    public SbeError(int offset, SbeErrorReason reason)
    {
        Offset = offset;
        Reason = reason;
    }

    /// <summary>Absolute offset in the decoded buffer of the value that failed validation.</summary>
    public int Offset { get; }

    public SbeErrorReason Reason { get; }

    /// <summary>Truncations may be completed by more bytes; every other reason rejects the message.</summary>
    public SbeDecodeStatus Status => Reason switch
    {
        SbeErrorReason.None => SbeDecodeStatus.Ok,
        SbeErrorReason.HeaderTruncated or SbeErrorReason.BlockTruncated or SbeErrorReason.GroupHeaderTruncated or SbeErrorReason.GroupTruncated
            or SbeErrorReason.VarDataHeaderTruncated or SbeErrorReason.VarDataTruncated => SbeDecodeStatus.Truncated,
        _ => SbeDecodeStatus.Rejected,
    };

    public override string ToString() => Reason + " at offset " + Offset;
}
