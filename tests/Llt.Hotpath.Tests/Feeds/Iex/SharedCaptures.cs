namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>The shared Iex captures (<see cref="SharedCaptureDirectory"/>).</summary>
internal static class SharedCaptures
{
    public static string? IexDirectory { get; } = SharedCaptureDirectory.Of("Iex");

    public static byte[] Read(string relativePath) =>
        File.ReadAllBytes(Path.Combine(IexDirectory ?? throw new InvalidOperationException("no shared captures"), relativePath));
}
