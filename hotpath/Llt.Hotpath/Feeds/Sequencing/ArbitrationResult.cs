using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Feeds.Sequencing;

/// <summary>
/// Which messages of an offered packet to apply, by index within the packet (0 = the message with the packet's
/// first sequence). Up to two runs, in packet order: a recovered run (filling a pending gap, out of sequence) and the
/// in-sequence run; everything else in the packet is a duplicate or late. Iterate the packet's messages and apply
/// message <c>i</c> when <see cref="ShouldDeliver"/> says so; for the common case (no recovery) that is simply
/// messages <c>[SkipMessages, SkipMessages + DeliverMessages)</c>.
/// </summary>
public readonly struct ArbitrationResult
{
    public ArbitrationResult(
        ArbitrationKind kind,
        int skipMessages,
        int deliverMessages,
        int recoveredSkip,
        int recoveredMessages,
        long gapFrom,
        long gapTo)
    {
        Kind = kind;
        SkipMessages = skipMessages;
        DeliverMessages = deliverMessages;
        RecoveredSkip = recoveredSkip;
        RecoveredMessages = recoveredMessages;
        GapFrom = gapFrom;
        GapTo = gapTo;
    }

    public ArbitrationKind Kind { get; }

    /// <summary>Leading messages of the packet before the in-sequence run: already delivered (or recovered, see
    /// <see cref="RecoveredMessages"/>, or late).</summary>
    public int SkipMessages { get; }

    /// <summary>Messages of the in-sequence run, starting at index <see cref="SkipMessages"/>.</summary>
    public int DeliverMessages { get; }

    /// <summary>Index in the packet of the first recovered message (meaningful when <see cref="RecoveredMessages"/> &gt; 0).</summary>
    public int RecoveredSkip { get; }

    /// <summary>Messages that fill a pending gap; they precede the in-sequence run in the packet.</summary>
    public int RecoveredMessages { get; }

    /// <summary>First missing sequence revealed by this packet, or 0 when it revealed no gap.</summary>
    public long GapFrom { get; }

    /// <summary>Last missing sequence revealed by this packet, or 0.</summary>
    public long GapTo { get; }

    public bool HasGap => GapTo != 0;

    /// <summary>Messages to apply in all: <see cref="RecoveredMessages"/> + <see cref="DeliverMessages"/>.</summary>
    public int TotalDeliver => RecoveredMessages + DeliverMessages;

    /// <summary>True when message <paramref name="index"/> of the packet is to be applied.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ShouldDeliver(int index) =>
        (uint)(index - SkipMessages) < (uint)DeliverMessages || (uint)(index - RecoveredSkip) < (uint)RecoveredMessages;

    public override string ToString() =>
        $"{Kind} skip={SkipMessages} deliver={DeliverMessages} recovered={RecoveredMessages}@{RecoveredSkip} gap={GapFrom}..{GapTo}";
}
