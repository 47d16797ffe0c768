using System.Buffers.Binary;

namespace Llt.Hotpath.Feeds.MoldUdp;

/// <summary>
/// Encodes MoldUDP64 re-request packets, the answer to a gap declared lost (<c>IGapHandler.OnGapDeclared</c>):
/// sent to the feed's re-request server, which replays the messages as ordinary downstream packets.
/// </summary>
public static class MoldUdp64RequestEncoder
{
    /// <summary>
    /// Writes one request for <paramref name="messageCount"/> (1..65535) messages from <paramref name="sequence"/>
    /// in <paramref name="session"/> (10 bytes) into <paramref name="destination"/>; returns the bytes written
    /// (<see cref="MoldUdp64Descriptor.RequestLength"/>) or 0 when an argument is out of range or the destination is too small.
    /// </summary>
    public static int Encode(Span<byte> destination, ReadOnlySpan<byte> session, long sequence, int messageCount)
    {
        if (destination.Length < MoldUdp64Descriptor.RequestLength
            || session.Length != MoldUdp64Descriptor.SessionLength
            || sequence < 1
            || messageCount < 1 || messageCount > MoldUdp64Descriptor.MaxRequestMessageCount)
        {
            return 0;
        }

        session.CopyTo(destination.Slice(MoldUdp64Descriptor.RequestSessionOffset));
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(MoldUdp64Descriptor.RequestSequenceNumberOffset), (ulong)sequence);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(MoldUdp64Descriptor.RequestMessageCountOffset), (ushort)messageCount);
        return MoldUdp64Descriptor.RequestLength;
    }

    /// <summary>
    /// Requests covering <paramref name="from"/>..<paramref name="to"/> (inclusive), 65535 messages at most each:
    /// how many a gap needs. Encode request <c>k</c> with sequence <c>from + k × 65535</c>.
    /// </summary>
    public static int RequestsFor(long from, long to) =>
        to < from ? 0 : (int)((to - from) / MoldUdp64Descriptor.MaxRequestMessageCount) + 1;
}
