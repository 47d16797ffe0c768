namespace Llt.Codecs.Runtime;

/// <summary>A failed decode, for callers that prefer throwing to <c>TryDecode</c>'s status codes (not the hot path).</summary>
public sealed class SbeDecodeException : Exception
{
    public SbeDecodeException(SbeError error)
        : base("SBE decode failed: " + error)
    {
        Error = error;
    }

    public SbeDecodeException(string message)
        : base(message)
    {
    }

    public SbeError Error { get; }
}
