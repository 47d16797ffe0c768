namespace Llt.Codecs.Otf;

/// <summary>
/// Binary input that is not a valid message of the schema: truncated, unknown templateId, wrong schemaId, a
/// blockLength too small for the acting version's fields, a group count or var data length that cannot fit.
/// <see cref="Offset"/> is the absolute byte offset in the buffer given to the decoder.
/// </summary>
public sealed class OtfDecodeException : Exception
{
    public OtfDecodeException(int offset, string reason)
        : base("error at offset " + offset + ": " + reason)
    {
        Offset = offset;
        Reason = reason;
    }

    /// <summary>Absolute byte offset of the offending item (the start of what could not be read).</summary>
    public int Offset { get; }

    /// <summary>What is wrong, without the offset prefix.</summary>
    public string Reason { get; }
}
