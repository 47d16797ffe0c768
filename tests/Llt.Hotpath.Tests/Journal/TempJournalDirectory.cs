namespace Llt.Hotpath.Tests.Journal;

/// <summary>A fresh directory under /tmp (or <c>parent</c>) for one test, removed with everything in it on dispose.</summary>
internal sealed class TempJournalDirectory : IDisposable
{
    public TempJournalDirectory(string parent = "/tmp")
    {
        Path = System.IO.Path.Combine(parent, "llt-journal-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Journal => System.IO.Path.Combine(Path, "journal");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
