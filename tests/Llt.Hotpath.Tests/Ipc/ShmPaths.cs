namespace Llt.Hotpath.Tests.Ipc;

/// <summary>Unique /dev/shm paths for test rings, so parallel test classes and runs never collide.</summary>
internal static class ShmPaths
{
    public static string NewRingPath(string tag) => $"/dev/shm/llt-test-{tag}-{Environment.ProcessId}-{Guid.NewGuid():N}.ring";
}
