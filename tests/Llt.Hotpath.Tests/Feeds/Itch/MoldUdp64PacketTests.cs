using System.Buffers.Binary;
using Llt.Hotpath.Feeds.MoldUdp;
using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Tests.Feeds.Itch;

public sealed class MoldUdp64PacketTests
{
    [Fact]
    public void Header_Fields_AtTheSpecificationsOffsets()
    {
        byte[] payload = MoldWire.Packet("SESSION123", 0x0102_0304_0506_0708, [[(byte)'D', 1], [(byte)'S', 2, 3]]);
        Assert.True(MoldUdp64Packet.TryWrap(payload, out MoldUdp64Packet packet));
        Assert.Equal("SESSION123"u8.ToArray(), packet.Session.ToArray());
        Assert.Equal(SessionId.FromAscii("SESSION123"u8), packet.SessionId);
        Assert.Equal(0x0102_0304_0506_0708, packet.SequenceNumber);
        Assert.Equal(2, packet.MessageCount);
        Assert.False(packet.IsHeartbeat);
        Assert.False(packet.IsEndOfSession);

        var messages = new List<byte[]>();
        foreach (ReadOnlySpan<byte> message in packet)
        {
            messages.Add(message.ToArray());
        }

        Assert.Equal([[(byte)'D', 1], [(byte)'S', 2, 3]], messages);
        Assert.Equal(MoldUdp64PacketError.None, packet.Validate());
    }

    [Fact]
    public void HeartbeatAndEndOfSession_CarryNoMessages()
    {
        Assert.True(MoldUdp64Packet.TryWrap(MoldWire.Heartbeat("SESSION123", 77), out MoldUdp64Packet heartbeat));
        Assert.True(heartbeat.IsHeartbeat);
        Assert.Equal(0, heartbeat.MessageCount);
        Assert.Equal(77, heartbeat.SequenceNumber);

        Assert.True(MoldUdp64Packet.TryWrap(MoldWire.EndOfSession("SESSION123", 78), out MoldUdp64Packet end));
        Assert.True(end.IsEndOfSession);
        Assert.Equal(0, end.MessageCount);
        Assert.Equal(MoldUdp64PacketError.None, end.Validate());
    }

    [Fact]
    public void Damage_IsNamed()
    {
        byte[] good = MoldWire.Packet("SESSION123", 1, [[1, 2, 3], [4, 5]]);
        Assert.False(MoldUdp64Packet.TryWrap(good.AsSpan(0, 19), out _));

        MoldUdp64Packet.TryWrap(good.AsSpan(0, good.Length - 1), out MoldUdp64Packet overrun);
        Assert.Equal(MoldUdp64PacketError.BlockOverrun, overrun.Validate());

        byte[] fewer = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(fewer.AsSpan(18), 3);
        MoldUdp64Packet.TryWrap(fewer, out MoldUdp64Packet missing);
        Assert.Equal(MoldUdp64PacketError.MissingBlocks, missing.Validate());

        byte[] longer = [.. good, 9];
        MoldUdp64Packet.TryWrap(longer, out MoldUdp64Packet trailing);
        Assert.Equal(MoldUdp64PacketError.TrailingBytes, trailing.Validate());
    }

    [Fact]
    public void RequestEncoder_WritesSessionSequenceAndCount_AndSplitsLongGaps()
    {
        byte[] request = new byte[20];
        Assert.Equal(20, MoldUdp64RequestEncoder.Encode(request, "SESSION123"u8, 1_000, 65_535));
        Assert.Equal("SESSION123"u8.ToArray(), request[..10]);
        Assert.Equal(1_000UL, BinaryPrimitives.ReadUInt64BigEndian(request.AsSpan(10)));
        Assert.Equal(65_535, BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(18)));

        Assert.Equal(0, MoldUdp64RequestEncoder.Encode(request, "SESSION123"u8, 1, 65_536));
        Assert.Equal(0, MoldUdp64RequestEncoder.Encode(request, "SESSION123"u8, 0, 1));
        Assert.Equal(0, MoldUdp64RequestEncoder.Encode(request.AsSpan(0, 19), "SESSION123"u8, 1, 1));
        Assert.Equal(0, MoldUdp64RequestEncoder.Encode(request, "SHORT"u8, 1, 1));

        Assert.Equal(1, MoldUdp64RequestEncoder.RequestsFor(1, 65_535));
        Assert.Equal(2, MoldUdp64RequestEncoder.RequestsFor(1, 65_536));
        Assert.Equal(0, MoldUdp64RequestEncoder.RequestsFor(5, 4));
    }
}
