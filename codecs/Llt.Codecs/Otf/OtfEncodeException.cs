namespace Llt.Codecs.Otf;

/// <summary>
/// JSON that cannot be encoded as a message of the schema: unknown field, wrong JSON type, value out of range for the
/// primitive, unknown enum or set name, string too long, missing required field. <see cref="Path"/> locates the value
/// ("$.fills[2].lastPx").
/// </summary>
public sealed class OtfEncodeException : Exception
{
    public OtfEncodeException(string path, string reason)
        : base(path + ": " + reason)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>JSON path of the offending value, "$" for the message object itself.</summary>
    public string Path { get; }

    /// <summary>What is wrong, without the path prefix.</summary>
    public string Reason { get; }
}
