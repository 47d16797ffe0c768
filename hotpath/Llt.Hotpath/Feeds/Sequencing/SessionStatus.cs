namespace Llt.Hotpath.Feeds.Sequencing;

/// <summary>What <see cref="LineArbiter.CheckSession"/> found.</summary>
public enum SessionStatus
{
    /// <summary>The packet belongs to the current session: offer it.</summary>
    Current = 0,

    /// <summary>The first session seen: adopted; offer the packet.</summary>
    Started = 1,

    /// <summary>A new session: sequencing was reset (pending gaps dropped, not declared); offer the packet.</summary>
    Changed = 2,

    /// <summary>The session before the current one (the slower line has not switched yet): drop the packet.</summary>
    Previous = 3,
}
