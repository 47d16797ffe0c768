using System.Buffers.Binary;
using Llt.Hotpath.Feeds.Iex;

namespace Llt.Hotpath.Tests.Feeds.Iex;

public sealed class IexTpSegmentTests
{
    [Fact]
    public void Wrap_ValidSegment_ExposesEveryHeaderField()
    {
        byte[] datagram = IexWire.Segment(
            IexWire.Deep, session: 0x48dd0000, firstSequence: 355166, streamOffset: 11243153, sendTime: 1611692981295127661,
            IexWire.Bid("VTV", 202.77m, 190));

        Assert.Equal(IexTpError.None, IexTpSegment.Wrap(datagram, out IexTpSegment segment));
        Assert.Equal(1, segment.Version);
        Assert.Equal(0x8004, segment.MessageProtocolId);
        Assert.Equal(IexProtocol.Deep, segment.Protocol);
        Assert.Equal(1u, segment.ChannelId);
        Assert.Equal(0x48dd0000u, segment.SessionId);
        Assert.Equal(32, segment.PayloadLength);
        Assert.Equal(1, segment.MessageCount);
        Assert.Equal(11243153, segment.StreamOffset);
        Assert.Equal(355166, segment.FirstMessageSequenceNumber);
        Assert.Equal(1611692981295127661, segment.SendTime);
        Assert.False(segment.IsHeartbeat);
    }

    [Fact]
    public void Enumerating_YieldsEachMessageWithoutItsLength_InOrder()
    {
        byte[] first = IexWire.Bid("AAPL", 190.01m, 100, complete: false);
        byte[] second = IexWire.Ask("AAPL", 190.02m, 200);
        byte[] third = IexWire.SystemEvent((byte)'R', 7);
        byte[] datagram = IexWire.Segment(IexWire.Deep, 1, 10, first, second, third);
        Assert.Equal(IexTpError.None, IexTpSegment.Wrap(datagram, out IexTpSegment segment));

        var seen = new List<(int Index, byte[] Bytes)>();
        IexTpMessageEnumerator messages = segment.GetEnumerator();
        while (messages.MoveNext())
        {
            seen.Add((messages.Index, messages.Current.ToArray()));
        }

        Assert.Equal(3, seen.Count);
        Assert.Equal([0, 1, 2], seen.Select(s => s.Index));
        Assert.Equal(first, seen[0].Bytes);
        Assert.Equal(second, seen[1].Bytes);
        Assert.Equal(third, seen[2].Bytes);
    }

    [Fact]
    public void Heartbeat_HasNoMessages_AndCarriesTheNextSequence()
    {
        byte[] datagram = IexWire.Segment(IexWire.Deep, 1, firstSequence: 42);

        Assert.Equal(IexTpError.None, IexTpSegment.Wrap(datagram, out IexTpSegment segment));
        Assert.True(segment.IsHeartbeat);
        Assert.Equal(42, segment.FirstMessageSequenceNumber);
        int count = 0;
        foreach (ReadOnlySpan<byte> message in segment)
        {
            count += message.Length + 1;
        }

        Assert.Equal(0, count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(39)]
    public void Wrap_ShorterThanTheHeader_IsTruncatedHeader(int length)
    {
        byte[] datagram = IexWire.Segment(IexWire.Deep, 1, 1, IexWire.Bid("A", 1m, 1));

        Assert.Equal(IexTpError.TruncatedHeader, IexTpSegment.Wrap(datagram.AsSpan(0, length), out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(255)]
    public void Wrap_VersionOtherThan1_IsUnsupportedVersion(byte version)
    {
        byte[] datagram = IexWire.Segment(IexWire.Deep, 1, 1, IexWire.Bid("A", 1m, 1));
        datagram[0] = version;

        Assert.Equal(IexTpError.UnsupportedVersion, IexTpSegment.Wrap(datagram, out _));
    }

    [Theory]
    [InlineData((ushort)0x8002)]
    [InlineData((ushort)0x8006)]
    [InlineData((ushort)0x0000)]
    public void Wrap_UnknownMessageProtocolId_IsUnknownProtocol(ushort protocol)
    {
        byte[] datagram = IexWire.Segment(protocol, 1, 1, IexWire.Bid("A", 1m, 1));

        Assert.Equal(IexTpError.UnknownProtocol, IexTpSegment.Wrap(datagram, out _));
    }

    [Fact]
    public void Wrap_DatagramCutInsideTheLastMessage_IsPayloadLengthMismatch()
    {
        byte[] datagram = IexWire.Segment(IexWire.Deep, 1, 1, IexWire.Bid("A", 1m, 1), IexWire.Ask("A", 2m, 1));

        Assert.Equal(IexTpError.PayloadLengthMismatch, IexTpSegment.Wrap(datagram.AsSpan(0, datagram.Length - 5), out _));
    }

    [Fact]
    public void Wrap_DatagramLongerThanThePayloadLength_IsPayloadLengthMismatch()
    {
        byte[] datagram = [.. IexWire.Segment(IexWire.Deep, 1, 1, IexWire.Bid("A", 1m, 1)), 0, 0];

        Assert.Equal(IexTpError.PayloadLengthMismatch, IexTpSegment.Wrap(datagram, out _));
    }

    [Fact]
    public void Wrap_MessageLengthRunningPastTheEnd_IsMessageLengthPastEnd()
    {
        byte[] datagram = IexWire.Segment(IexWire.Deep, 1, 1, IexWire.Bid("A", 1m, 1), IexWire.Ask("A", 2m, 1));
        // second message claims 31 bytes where 30 are left
        BinaryPrimitives.WriteUInt16LittleEndian(datagram.AsSpan(40 + 32), 31);

        Assert.Equal(IexTpError.MessageLengthPastEnd, IexTpSegment.Wrap(datagram, out _));
    }

    [Fact]
    public void Wrap_MoreMessagesCountedThanPresent_IsMessageLengthPastEnd()
    {
        byte[] datagram = IexWire.Segment(IexWire.Deep, 1, 1, IexWire.Bid("A", 1m, 1));
        BinaryPrimitives.WriteUInt16LittleEndian(datagram.AsSpan(14), 2);

        Assert.Equal(IexTpError.MessageLengthPastEnd, IexTpSegment.Wrap(datagram, out _));
    }

    [Fact]
    public void Wrap_FewerMessagesCountedThanPresent_IsMessageCountMismatch()
    {
        byte[] datagram = IexWire.Segment(IexWire.Deep, 1, 1, IexWire.Bid("A", 1m, 1), IexWire.Ask("A", 2m, 1));
        BinaryPrimitives.WriteUInt16LittleEndian(datagram.AsSpan(14), 1);

        Assert.Equal(IexTpError.MessageCountMismatch, IexTpSegment.Wrap(datagram, out _));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void Wrap_SequenceBelowOne_IsInvalidSequenceNumber(long sequence)
    {
        byte[] datagram = IexWire.Segment(IexWire.Deep, 1, sequence, IexWire.Bid("A", 1m, 1));

        Assert.Equal(IexTpError.InvalidSequenceNumber, IexTpSegment.Wrap(datagram, out _));
    }

    [Fact]
    public void Wrap_ZeroLengthMessage_IsFramedAndLeftToTheParser()
    {
        byte[] datagram = IexWire.Segment(IexWire.Deep, 1, 1, [], IexWire.Bid("A", 1m, 1));

        Assert.Equal(IexTpError.None, IexTpSegment.Wrap(datagram, out IexTpSegment segment));
        Assert.Equal(2, segment.MessageCount);
        var handler = new RecordingIexHandler();
        foreach (ReadOnlySpan<byte> message in segment)
        {
            IexParser.Parse(segment.Protocol, message, ref handler);
        }

        Assert.Equal([(IexMalformedReason.Empty, 0)], handler.Malformed);
        Assert.Single(handler.Messages);
    }
}
