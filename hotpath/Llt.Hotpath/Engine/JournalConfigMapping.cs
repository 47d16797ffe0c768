using System.Diagnostics.CodeAnalysis;
using Llt.Hotpath.Config;
using Llt.Hotpath.Journal;

namespace Llt.Hotpath.Engine;

/// <summary>Turns the config file's journal section into the journal's own options.</summary>
public static class JournalConfigMapping
{
    public static bool TryMap(JournalConfig config, [NotNullWhen(true)] out JournalOptions? options, [NotNullWhen(false)] out string? error)
    {
        options = null;
        if (!EngineConfigLoader.TryParseFsync(config.Fsync, out string mode, out long intervalNs, out error))
        {
            return false;
        }

        JournalFsyncPolicy policy = mode switch
        {
            "roll" => JournalFsyncPolicy.OnRoll,
            "periodic" => JournalFsyncPolicy.Periodic,
            _ => JournalFsyncPolicy.None,
        };
        JournalRetentionPolicy retention = config.RetainSegments == 0
            ? JournalRetentionPolicy.KeepAll
            : new JournalRetentionPolicy
            {
                MaxSegments = config.RetainSegments,
                Mode = config.ArchiveDirectory is null ? JournalRetentionMode.Delete : JournalRetentionMode.Archive,
                ArchiveDirectory = config.ArchiveDirectory,
            };
        options = new JournalOptions
        {
            Directory = config.Directory,
            SegmentLength = config.SegmentLength,
            FsyncPolicy = policy,
            FsyncIntervalMs = (int)Math.Max(1, intervalNs / 1_000_000),
            Retention = retention,
        };
        return true;
    }
}
