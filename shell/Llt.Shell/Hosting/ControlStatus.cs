namespace Llt.Shell.Hosting;

/// <summary>What became of a control command.</summary>
public enum ControlStatus
{
    /// <summary>The engine journaled CommandResult Applied.</summary>
    Applied,

    /// <summary>The engine journaled CommandResult Rejected (it refused).</summary>
    Rejected,

    /// <summary>No engine to send to: no cmd.ring, no journal, or its process is gone.</summary>
    NoEngine,

    /// <summary>Written, but no CommandResult arrived in time.</summary>
    Timeout,
}
