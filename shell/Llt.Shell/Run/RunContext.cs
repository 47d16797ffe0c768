using Llt.Hotpath.Config;
using Llt.Shell.Configuration;

namespace Llt.Shell.Run;

/// <summary>
/// What one `llt run` session runs on, concluded before the host starts: the validated configuration, the engine's
/// configuration and launch, and the journal sequence at session start (control changes after it are this
/// session's, re-applied when the engine restarts; alerts before it are history and not raised again).
/// </summary>
public sealed record RunContext(
    PlatformConfiguration Configuration,
    EngineConfig Engine,
    EngineLaunch Launch,
    long SessionStartSequence,
    TimeSpan? Duration,
    bool LiveView,
    TimeSpan PlainViewInterval)
{
    public PlatformSettings Settings => Configuration.Platform;
}
