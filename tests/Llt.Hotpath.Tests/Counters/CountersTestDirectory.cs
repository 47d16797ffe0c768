namespace Llt.Hotpath.Tests.Counters;

/// <summary>A unique directory under /dev/shm per test, removed afterwards, so parallel runs never collide.</summary>
internal sealed class CountersTestDirectory : IDisposable
{
    public CountersTestDirectory()
    {
        Path = $"/dev/shm/llt-test-counters-{Environment.ProcessId}-{Guid.NewGuid():N}";
    }

    /// <summary>The directory; created by the code under test (CountersManager.Create makes it 0700).</summary>
    public string Path { get; }

    public string CountersFile => System.IO.Path.Combine(Path, "engine", "counters.dat");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
