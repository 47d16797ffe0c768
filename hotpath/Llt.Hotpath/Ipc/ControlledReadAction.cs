namespace Llt.Hotpath.Ipc;

/// <summary>What a controlled read does after a handler returns (Agrona <c>ControlledMessageHandler.Action</c>).</summary>
public enum ControlledReadAction
{
    /// <summary>Leave this record unconsumed and stop; it is delivered again by the next read.</summary>
    Abort = 0,

    /// <summary>Consume this record and stop the read.</summary>
    Break = 1,

    /// <summary>Consume this record, publish the head now (freeing space for producers) and go on.</summary>
    Commit = 2,

    /// <summary>Consume this record and go on; the head is published at the end of the read.</summary>
    Continue = 3,
}
