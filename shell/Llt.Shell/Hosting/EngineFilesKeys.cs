namespace Llt.Shell.Hosting;

/// <summary>Configuration keys under which the host publishes where the engine's files are (for sinks and adapters).</summary>
public static class EngineFilesKeys
{
    public const string EngineName = "llt:engineName";
    public const string JournalDirectory = "llt:journalDirectory";
    public const string ShmDirectory = "llt:shmDirectory";
}
