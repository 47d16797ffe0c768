namespace Llt.Hotpath.Feeds.Itch;

/// <summary>Why <see cref="ItchParser"/> refused a message; each reason has its own counter.</summary>
public enum ItchMalformedReason : byte
{
    /// <summary>Zero-length message (a length prefix of 0).</summary>
    Empty = 1,

    /// <summary>A type byte ITCH 5.0 does not define.</summary>
    UnknownType = 2,

    /// <summary>A known type whose length disagrees with the specification's.</summary>
    LengthMismatch = 3,
}
