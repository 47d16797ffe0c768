using System.Buffers.Binary;
using System.Text;

namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>
/// MoldUDP64 downstream packets from the specification's layout, as literals: session (10 ASCII, offset 0),
/// sequence number of the first message (u64 BE, offset 10), message count (u16 BE, offset 18; 0 heartbeat, 0xFFFF
/// end of session), then per message a u16 BE length and the message.
/// </summary>
internal static class MoldWire
{
    public static byte[] Packet(string session, long sequence, IReadOnlyList<byte[]> messages)
    {
        int length = 20;
        foreach (byte[] message in messages)
        {
            length += 2 + message.Length;
        }

        var packet = new byte[length];
        Session(packet, session);
        BinaryPrimitives.WriteUInt64BigEndian(packet.AsSpan(10), (ulong)sequence);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(18), (ushort)messages.Count);
        int offset = 20;
        foreach (byte[] message in messages)
        {
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(offset), (ushort)message.Length);
            message.CopyTo(packet, offset + 2);
            offset += 2 + message.Length;
        }

        return packet;
    }

    public static byte[] Heartbeat(string session, long nextSequence) => Packet(session, nextSequence, []);

    public static byte[] EndOfSession(string session, long nextSequence)
    {
        byte[] packet = Packet(session, nextSequence, []);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(18), 0xFFFF);
        return packet;
    }

    private static void Session(byte[] packet, string session)
    {
        if (session.Length != 10)
        {
            throw new ArgumentException("a MoldUDP64 session is 10 characters", nameof(session));
        }

        Encoding.ASCII.GetBytes(session, packet.AsSpan(0, 10));
    }
}
