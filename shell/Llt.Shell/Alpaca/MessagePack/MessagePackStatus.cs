namespace Llt.Shell.Alpaca.MessagePack;

/// <summary>What a <see cref="MessagePackReader"/> read returned. Anything but <see cref="Ok"/> leaves the reader where it was.</summary>
public enum MessagePackStatus
{
    Ok,

    /// <summary>The data ends inside the value (or before it).</summary>
    Truncated,

    /// <summary>The next value is of another family than the one asked for.</summary>
    WrongType,

    /// <summary>The format byte 0xc1, which the spec never uses.</summary>
    InvalidFormat,

    /// <summary>An integer that does not fit the type asked for, or a length beyond 2^31 - 1.</summary>
    OutOfRange,

    /// <summary>A timestamp extension (type -1) whose length is not 4, 8 or 12, or whose nanoseconds are 10^9 or more.</summary>
    InvalidTimestamp,
}
