using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Tests.Ipc;

/// <summary>The one-to-one suite over a memory-mapped /dev/shm ring file.</summary>
public sealed class MappedOneToOneRingBufferTests : OneToOneRingBufferTests
{
    private readonly List<string> _paths = new();

    protected override UnsafeBuffer AllocateBuffer(int capacity)
    {
        string path = ShmPaths.NewRingPath("o2o");
        _paths.Add(path);
        RingBufferFile file = RingBufferFile.Create(path, capacity);
        Own(file);
        return file.Buffer;
    }

    public override void Dispose()
    {
        base.Dispose();
        foreach (string path in _paths)
        {
            File.Delete(path);
        }
    }
}
