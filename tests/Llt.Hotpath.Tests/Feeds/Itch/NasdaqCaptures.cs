namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>The shared Nasdaq captures (<see cref="SharedCaptureDirectory"/>).</summary>
internal static class NasdaqCaptures
{
    public static string? Directory { get; } = SharedCaptureDirectory.Of("Nasdaq");

    /// <summary>Every ITCH capture found, as paths relative to <see cref="Directory"/>.</summary>
    public static IEnumerable<string> All() => Directory is null
        ? []
        : System.IO.Directory.EnumerateFiles(Directory, "*.pcap*", SearchOption.AllDirectories).Order().Select(p => Path.GetRelativePath(Directory, p));

    public static byte[] Read(string relativePath) =>
        File.ReadAllBytes(Path.Combine(Directory ?? throw new InvalidOperationException("no shared captures"), relativePath));
}
