using Llt.Hotpath.Ipc;

namespace Llt.Hotpath.Tests.Ipc;

public sealed class RingBufferFileTests : IDisposable
{
    private const int Capacity = 4096;
    private readonly string _path = ShmPaths.NewRingPath("file");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Create_MakesOwnerOnlyFileOfCapacityPlusTrailer()
    {
        using (RingBufferFile.Create(_path, Capacity))
        {
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_path));
        Assert.Equal(Capacity + RingBufferDescriptor.TrailerLength, new FileInfo(_path).Length);
    }

    [Fact]
    public void Create_OverExistingWorldReadableFile_ResetsModeAndContents()
    {
        File.WriteAllBytes(_path, new byte[Capacity + RingBufferDescriptor.TrailerLength]);
        File.SetUnixFileMode(_path, (UnixFileMode)0b110_100_100);
        using (RingBufferFile old = RingBufferFile.Create(_path, Capacity))
        {
            new ManyToOneRingBuffer(old.Buffer).Write(1, new byte[10]);
        }

        using RingBufferFile file = RingBufferFile.Create(_path, Capacity);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_path));
        Assert.Equal(0, file.TailPosition);
    }

    [Fact]
    public void Open_SeesWhatCreatorWrote_ThroughASecondMapping()
    {
        using RingBufferFile created = RingBufferFile.Create(_path, Capacity);
        var producer = new ManyToOneRingBuffer(created.Buffer);
        producer.Write(3, new byte[] { 1, 2, 3 });
        producer.NextCorrelationId();

        using RingBufferFile opened = RingBufferFile.Open(_path);
        Assert.Equal(Capacity, opened.Capacity);
        Assert.Equal(16, opened.TailPosition);
        Assert.Equal(1, opened.CorrelationCounter);
        var handler = new RecordingHandler();
        Assert.Equal(1, new ManyToOneRingBuffer(opened.Buffer).Read(ref handler, 10));
        Assert.Equal(new byte[] { 1, 2, 3 }, handler.Messages[0].Payload);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(4096)]
    [InlineData(3000 + RingBufferDescriptor.TrailerLength)]
    public void Open_FileOfWrongSize_IsRefusedBeforeMapping(int length)
    {
        File.WriteAllBytes(_path, new byte[length]);
        var error = Assert.Throws<InvalidDataException>(() => RingBufferFile.Open(_path));
        Assert.Contains("is not a ring", error.Message);
    }

    [Fact]
    public void Open_FileWithoutMagic_IsRefused()
    {
        File.WriteAllBytes(_path, new byte[Capacity + RingBufferDescriptor.TrailerLength]);
        var error = Assert.Throws<InvalidDataException>(() => RingBufferFile.Open(_path));
        Assert.Contains("bad magic", error.Message);
    }

    [Fact]
    public void Open_UnknownLayoutVersion_IsRefused()
    {
        CreateThenPoke(RingBufferDescriptor.LayoutVersionOffset, BitConverter.GetBytes(99));
        var error = Assert.Throws<InvalidDataException>(() => RingBufferFile.Open(_path));
        Assert.Contains("layout version 99", error.Message);
    }

    [Fact]
    public void Open_StampedCapacityDifferentFromFile_IsRefused()
    {
        CreateThenPoke(RingBufferDescriptor.CapacityOffset, BitConverter.GetBytes(Capacity * 2));
        var error = Assert.Throws<InvalidDataException>(() => RingBufferFile.OpenReadOnly(_path));
        Assert.Contains("stamped capacity", error.Message);
    }

    [Theory]
    [InlineData(64, 32, "ahead of tail")]
    [InlineData(0, Capacity + 8, "exceeds capacity")]
    [InlineData(0, 12, "aligned")]
    [InlineData(-8, 0, "negative")]
    public void Open_ImpossiblePositions_AreRefused(long head, long tail, string reason)
    {
        CreateThenPoke(RingBufferDescriptor.HeadPositionOffset, BitConverter.GetBytes(head));
        using (var stream = new FileStream(_path, FileMode.Open, FileAccess.Write))
        {
            stream.Position = Capacity + RingBufferDescriptor.TailPositionOffset;
            stream.Write(BitConverter.GetBytes(tail));
        }

        var error = Assert.Throws<InvalidDataException>(() => RingBufferFile.Open(_path));
        Assert.Contains(reason, error.Message);
        Assert.StartsWith(_path, error.Message);
    }

    [Fact]
    public void Open_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => RingBufferFile.Open(_path));
    }

    private void CreateThenPoke(int trailerOffset, byte[] bytes)
    {
        using (RingBufferFile.Create(_path, Capacity))
        {
        }

        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Write);
        stream.Position = Capacity + trailerOffset;
        stream.Write(bytes);
    }
}
