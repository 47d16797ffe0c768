using System.Runtime.InteropServices;

namespace Llt.Benchmarks.Ipc;

/// <summary>A 32-byte message for the channel side of the comparison (the ring copies 32 raw bytes).</summary>
[StructLayout(LayoutKind.Sequential, Size = 32)]
public struct Payload32
{
    public long Sequence;
    public long A;
    public long B;
    public long C;
}
