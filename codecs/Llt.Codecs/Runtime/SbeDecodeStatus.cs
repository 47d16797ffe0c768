namespace Llt.Codecs.Runtime;

/// <summary>Outcome of a checked decode (<c>XxxDecoder.TryDecode</c>).</summary>
public enum SbeDecodeStatus
{
    /// <summary>The message is complete and every group count and var data length fits the buffer.</summary>
    Ok,

    /// <summary>The buffer ends before the message does; more bytes may complete it.</summary>
    Truncated,

    /// <summary>The bytes are not a valid message of this type; more bytes will not help.</summary>
    Rejected,
}
