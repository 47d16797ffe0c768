using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Feeds.Capture;

/// <summary>
/// Fixed room for the interfaces of one pcapng section, inline so <see cref="CaptureCursor"/> stays a plain value
/// with no heap reference. Packets of interfaces past <see cref="Capacity"/> are skipped and counted.
/// </summary>
[InlineArray(Capacity)]
public struct CaptureInterfaceTable
{
    public const int Capacity = 16;

    private CaptureInterface _element;
}
