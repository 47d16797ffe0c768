using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Feeds.Sequencing;

/// <summary>Fixed inline room for sequence ranges inside <see cref="LineArbiter"/>, so the arbiter holds no heap reference.</summary>
[InlineArray(Capacity)]
public struct SequenceRangeTable
{
    public const int Capacity = 16;

    private SequenceRange _element;
}
