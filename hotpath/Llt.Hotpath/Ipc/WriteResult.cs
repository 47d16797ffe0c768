namespace Llt.Hotpath.Ipc;

/// <summary>Outcome of <see cref="RingBuffer.Write"/>: a code, never an exception, on the hot path.</summary>
public enum WriteResult
{
    /// <summary>The record is committed and visible to the consumer.</summary>
    Success = 0,

    /// <summary>Not enough free space until the consumer catches up; nothing was written. Retry later.</summary>
    InsufficientCapacity = RingBuffer.InsufficientCapacity,
}
