namespace Llt.Hotpath.Feeds.Sequencing;

/// <summary>What <see cref="LineArbiter.CheckSession"/> found.</summary>
public enum SessionStatus
{
    /// <summary>The packet belongs to the current session: offer it.</summary>
    Current = 0,

    /// <summary>The first session seen: adopted; offer the packet.</summary>
    Started = 1,

    /// <summary>A new session: the old session's pending gaps were declared lost (they can no longer be filled) and
    /// sequencing restarted at the start sequence; offer the packet.</summary>
    Changed = 2,

    /// <summary>The session before the current one (the slower line has not switched yet): drop the packet.</summary>
    Previous = 3,
}
