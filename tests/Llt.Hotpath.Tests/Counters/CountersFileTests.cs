using Llt.Hotpath.Counters;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Counters;

public sealed class CountersFileTests : IDisposable
{
    private static readonly CountersConfig Config = new()
    {
        MaxCounters = 16,
        MaxHistograms = 2,
        SignificantDigits = 2,
    };

    private readonly CountersTestDirectory _directory = new();

    public void Dispose()
    {
        _directory.Dispose();
    }

    [Fact]
    public void DefaultPath_IsUnderDevShmPerEngine()
    {
        Assert.Equal("/dev/shm/llt/paper/counters.dat", CountersDescriptor.DefaultPath("paper"));
    }

    [Fact]
    public void Create_MakesAnOwnerOnlyFileInAnOwnerOnlyDirectory()
    {
        using var manager = CountersManager.Create(_directory.CountersFile, Config, SystemEpochClock.Instance);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_directory.CountersFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(_directory.CountersFile)!));
        Assert.Equal(Config.FileLength(), new FileInfo(_directory.CountersFile).Length);
    }

    [Fact]
    public void Values_AreVisibleThroughASecondMappingOfTheFile()
    {
        using var manager = CountersManager.Create(_directory.CountersFile, Config, SystemEpochClock.Instance);
        Counter ticks = manager.AllocateCounter(typeId: 1, "feed: ticks");
        Counter orders = manager.AllocateCounter(typeId: 2, "orders sent");
        LatencyHistogram latency = manager.AllocateHistogram(typeId: 3, "tick-to-order ns");
        ticks.Add(1_000);

        // A separate read-only mapping, as `llt stat` in another process has.
        using var reader = CountersReader.Open(_directory.CountersFile);
        Assert.Equal(Environment.ProcessId, reader.WriterPid);
        Assert.Equal("feed: ticks", reader.CounterLabel(0));
        Assert.Equal("orders sent", reader.CounterLabel(1));
        Assert.Equal(1_000, reader.CounterValue(0));
        Assert.Equal(0, reader.CounterValue(1));

        // Updates made after the reader mapped the file show up without reopening.
        orders.Increment();
        ticks.Increment();
        latency.Record(12_345);
        latency.Record(54_321);
        manager.UpdateHeartbeat(reader.StartTimeEpochNs + 1_000_000);

        Assert.Equal(1_001, reader.CounterValue(0));
        Assert.Equal(1, reader.CounterValue(1));
        Assert.Equal(reader.StartTimeEpochNs + 1_000_000, reader.HeartbeatEpochNs);
        Assert.Equal("tick-to-order ns", reader.HistogramLabel(0));
        HistogramSnapshot snapshot = reader.CreateSnapshot();
        Assert.True(reader.TryReadHistogram(0, snapshot));
        Assert.Equal(2, snapshot.Count);
        Assert.Equal(12_345, snapshot.MinNs);
        Assert.Equal(54_321, snapshot.MaxNs);
    }

    [Fact]
    public void TryOpen_MissingFile_FailsWithAMessageNamingThePath()
    {
        string path = Path.Combine(_directory.Path, "nope", "counters.dat");

        Assert.False(CountersReader.TryOpen(path, out CountersReader? reader, out string error));
        Assert.Null(reader);
        Assert.Contains(path, error);
        Assert.Contains("no counters file", error);
    }

    [Theory]
    [InlineData(CountersDescriptor.MagicOffset, 0x4141414141414141L, "not a counters file")]
    [InlineData(CountersDescriptor.MagicOffset, 0L, "not initialised")]
    [InlineData(CountersDescriptor.LayoutVersionOffset, 99L, "layout version 99")]
    [InlineData(CountersDescriptor.MaxCountersOffset, 17L, "disagree")]
    [InlineData(CountersDescriptor.FileLengthOffset, 4096L, "header says 4096")]
    public void TryOpen_DamagedHeader_IsRefusedWithAClearMessage(int offset, long value, string expected)
    {
        CreateAndClose();
        byte[] bytes = File.ReadAllBytes(_directory.CountersFile);
        if (offset == CountersDescriptor.LayoutVersionOffset || offset == CountersDescriptor.MaxCountersOffset)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(offset), (int)value);
        }
        else
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(offset), value);
        }

        File.WriteAllBytes(_directory.CountersFile, bytes);

        Assert.False(CountersReader.TryOpen(_directory.CountersFile, out _, out string error));
        Assert.Contains(expected, error);
        Assert.StartsWith(_directory.CountersFile, error);
    }

    [Fact]
    public void TryOpen_TruncatedFile_IsRefused()
    {
        CreateAndClose();
        using (var stream = new FileStream(_directory.CountersFile, FileMode.Open))
        {
            stream.SetLength(stream.Length - 64);
        }

        Assert.False(CountersReader.TryOpen(_directory.CountersFile, out _, out string error));
        Assert.Contains("truncated", error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void TryOpen_FileTooSmallForAHeader_IsRefused(int length)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_directory.CountersFile)!);
        File.WriteAllBytes(_directory.CountersFile, new byte[length]);

        Assert.False(CountersReader.TryOpen(_directory.CountersFile, out _, out string error));
        Assert.StartsWith(_directory.CountersFile, error);
    }

    [Fact]
    public void Open_DamagedFile_ThrowsInvalidData()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_directory.CountersFile)!);
        File.WriteAllBytes(_directory.CountersFile, new byte[4096]);

        Assert.Throws<InvalidDataException>(() => CountersReader.Open(_directory.CountersFile));
    }

    [Fact]
    public void Create_OverAFileWithALiveWriter_IsRefused()
    {
        var clock = new ManualNanoClock(1_700_000_000_000_000_000L);
        CreateAndClose(clock);
        // pid 1 always runs; a fresh heartbeat from it makes the file belong to a live engine.
        byte[] bytes = File.ReadAllBytes(_directory.CountersFile);
        BitConverter.TryWriteBytes(bytes.AsSpan(CountersDescriptor.WriterPidOffset), 1L);
        File.WriteAllBytes(_directory.CountersFile, bytes);

        var error = Assert.Throws<InvalidOperationException>(() => CountersManager.Create(_directory.CountersFile, Config, clock));
        Assert.Contains("pid 1", error.Message);

        clock.Advance(Config.LivenessTimeoutNs);
        using var manager = CountersManager.Create(_directory.CountersFile, Config, clock);
        using var reader = CountersReader.Open(_directory.CountersFile);
        Assert.Equal(Environment.ProcessId, reader.WriterPid);
    }

    [Fact]
    public void Create_OverAStaleFile_ReplacesItWhileAnOldReaderKeepsItsView()
    {
        var clock = new ManualNanoClock(1_700_000_000_000_000_000L);
        CountersManager first = CountersManager.Create(_directory.CountersFile, Config, clock);
        first.AllocateCounter(typeId: 1, "old").Set(5);
        first.Dispose();
        using var oldReader = CountersReader.Open(_directory.CountersFile);

        clock.Advance(1_000);
        using var second = CountersManager.Create(_directory.CountersFile, Config, clock);
        second.AllocateCounter(typeId: 1, "new").Set(9);

        Assert.Equal("old", oldReader.CounterLabel(0));
        Assert.Equal(5, oldReader.CounterValue(0));
        using var newReader = CountersReader.Open(_directory.CountersFile);
        Assert.Equal("new", newReader.CounterLabel(0));
        Assert.Equal(clock.EpochNanoTime(), newReader.StartTimeEpochNs);
    }

    private void CreateAndClose(IEpochClock? clock = null)
    {
        using var manager = CountersManager.Create(_directory.CountersFile, Config, clock ?? SystemEpochClock.Instance);
        manager.AllocateCounter(typeId: 1, "c").Set(1);
    }
}
