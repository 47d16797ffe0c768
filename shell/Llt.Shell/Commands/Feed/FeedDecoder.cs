using Llt.Hotpath.Feeds.Capture;
using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.Feeds.MoldUdp;

namespace Llt.Shell.Commands.Feed;

/// <summary>
/// Decodes a whole feed file held in memory into JSON lines: a pcap or pcapng capture (detected by its magic
/// number; UDP payloads are IEX-TP segments or MoldUDP64 packets) or a raw file (IEX-TP segments back to back;
/// ITCH messages each behind a 2-byte big-endian length, as NASDAQ distributes them). Bad input is reported and
/// counted in <see cref="FeedDecodeReport"/>, never thrown; decoding goes on past every bad packet or message.
/// </summary>
public static class FeedDecoder
{
    /// <summary>Decodes <paramref name="file"/>; returns the messages written.</summary>
    public static long Decode(FeedFormat format, ReadOnlySpan<byte> file, JsonLineSink sink, FeedDecodeReport report)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(report);
        long before = sink.Lines;
        CaptureReader capture = CaptureReader.Open(file);
        bool isCapture = capture.Format != CaptureFormat.Unknown;
        if (format == FeedFormat.Itch50)
        {
            var handler = new ItchJsonHandler(sink, report);
            if (isCapture)
            {
                DecodeMoldCapture(ref capture, ref handler, report);
            }
            else
            {
                DecodeRawItch(file, ref handler, report);
            }
        }
        else
        {
            var handler = new IexJsonHandler(sink, report);
            IexProtocol protocol = ProtocolOf(format);
            if (isCapture)
            {
                while (capture.TryReadNextUdp(out UdpDatagram datagram))
                {
                    report.Packets++;
                    DecodeSegment(datagram.Payload, protocol, ref handler, report);
                }

                FinishCapture(ref capture, report);
            }
            else
            {
                DecodeRawIexTp(file, protocol, ref handler, report);
            }
        }

        sink.Flush();
        return sink.Lines - before;
    }

    private static IexProtocol ProtocolOf(FeedFormat format) => format switch
    {
        FeedFormat.IexTops => IexProtocol.Tops,
        FeedFormat.IexDeep => IexProtocol.Deep,
        _ => IexProtocol.DeepPlus,
    };

    private static void DecodeSegment(ReadOnlySpan<byte> payload, IexProtocol protocol, ref IexJsonHandler handler, FeedDecodeReport report)
    {
        IexTpError error = IexTpSegment.Wrap(payload, out IexTpSegment segment);
        if (error != IexTpError.None)
        {
            report.BadPacket(report.Packets, $"not a valid IEX-TP segment ({error}, {payload.Length} bytes)");
            return;
        }

        if (segment.Protocol != protocol)
        {
            report.BadPacket(report.Packets, $"IEX-TP message protocol 0x{segment.MessageProtocolId:x4} ({segment.Protocol}), not {protocol} as --format says");
            return;
        }

        if (segment.IsHeartbeat)
        {
            report.Heartbeats++;
            return;
        }

        IexTpMessageEnumerator messages = segment.GetEnumerator();
        while (messages.MoveNext())
        {
            handler.Sequence = segment.FirstMessageSequenceNumber + messages.Index;
            IexParser.Parse(protocol, messages.Current, ref handler);
        }
    }

    /// <summary>IEX-TP segments back to back: each is its 40-byte header plus the payload length it declares.</summary>
    private static void DecodeRawIexTp(ReadOnlySpan<byte> file, IexProtocol protocol, ref IexJsonHandler handler, FeedDecodeReport report)
    {
        int position = 0;
        while (position < file.Length)
        {
            ReadOnlySpan<byte> rest = file[position..];
            if (rest.Length < IexTpDescriptor.HeaderLength)
            {
                report.Damaged($"the file ends inside an IEX-TP segment header at offset {position}");
                return;
            }

            int length = IexTpDescriptor.HeaderLength + System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(rest[IexTpDescriptor.PayloadLengthOffset..]);
            if (rest[IexTpDescriptor.VersionOffset] != IexTpDescriptor.Version1)
            {
                // without a valid header there is no length to skip by: nothing after this point can be framed
                report.Damaged($"no IEX-TP v1 segment at offset {position} (version byte {rest[0]}): not a raw IEX-TP file, or damaged here");
                return;
            }

            if (length > rest.Length)
            {
                report.Damaged($"the file ends inside the IEX-TP segment at offset {position} ({length} bytes declared, {rest.Length} left)");
                return;
            }

            report.Packets++;
            DecodeSegment(rest[..length], protocol, ref handler, report);
            position += length;
        }
    }

    private static void DecodeMoldCapture(ref CaptureReader capture, ref ItchJsonHandler handler, FeedDecodeReport report)
    {
        while (capture.TryReadNextUdp(out UdpDatagram datagram))
        {
            report.Packets++;
            if (!MoldUdp64Packet.TryWrap(datagram.Payload, out MoldUdp64Packet packet))
            {
                report.BadPacket(report.Packets, $"shorter than a MoldUDP64 header ({datagram.Payload.Length} bytes)");
                continue;
            }

            if (packet.MessageCount == 0)
            {
                report.Heartbeats++;
                continue;
            }

            MoldUdp64MessageEnumerator messages = packet.GetEnumerator();
            while (messages.MoveNext())
            {
                handler.Sequence = packet.SequenceNumber + messages.Index;
                ItchParser.Parse(messages.Current, ref handler);
            }

            if (messages.Error != MoldUdp64PacketError.None)
            {
                report.BadPacket(report.Packets, $"MoldUDP64 framing: {messages.Error} after {messages.Index + 1} of {packet.MessageCount} messages");
            }
        }

        FinishCapture(ref capture, report);
    }

    private static void DecodeRawItch(ReadOnlySpan<byte> file, ref ItchJsonHandler handler, FeedDecodeReport report)
    {
        var reader = new ItchFileReader();
        long index = 0;
        while (reader.TryReadNext(file, out ReadOnlySpan<byte> message))
        {
            handler.Sequence = ++index;
            ItchParser.Parse(message, ref handler);
        }

        report.Packets = index;
        if (reader.Error != ItchFileError.None)
        {
            report.Damaged($"raw ITCH: {reader.Error} at offset {reader.Position} (a length prefix runs past the end of the file)");
        }
    }

    private static void FinishCapture(ref CaptureReader capture, FeedDecodeReport report)
    {
        report.SkippedCaptureRecords = capture.SkippedPackets;
        if (capture.Error != CaptureError.None)
        {
            report.Damaged($"{capture.Format} capture: {capture.Error} at offset {capture.Position}; reading stopped there");
        }
    }
}
