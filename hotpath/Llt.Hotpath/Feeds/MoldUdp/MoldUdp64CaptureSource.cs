using Llt.Hotpath.Feeds.Capture;
using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Feeds.MoldUdp;

/// <summary>
/// Replays the MoldUDP64 packets of a capture into a <see cref="MoldUdp64Receiver"/>, a bounded number per call so
/// a feed agent's <c>DoWork</c> stays short: the agent keeps this value (and the receiver) in fields and passes the
/// memory-mapped capture's span on each call. Datagrams matching <see cref="LineB"/> go to line B, those matching
/// <see cref="LineA"/> to line A (B is checked first, so A may be <see cref="UdpLineFilter.Any"/>); others are
/// counted and skipped.
/// </summary>
public struct MoldUdp64CaptureSource
{
    private CaptureCursor _cursor;
    private long _otherDatagrams;

    public MoldUdp64CaptureSource(ReadOnlySpan<byte> file, UdpLineFilter lineA, UdpLineFilter lineB)
    {
        _cursor = CaptureCursor.Open(file);
        LineA = lineA;
        LineB = lineB;
    }

    public UdpLineFilter LineA { get; }

    public UdpLineFilter LineB { get; }

    public readonly CaptureCursor Cursor => _cursor;

    /// <summary>Datagrams that matched neither line.</summary>
    public readonly long OtherDatagrams => _otherDatagrams;

    /// <summary>True when the capture is exhausted or damaged (<see cref="CaptureCursor.Error"/> says which).</summary>
    public bool IsFinished { get; private set; }

    /// <summary>
    /// Feeds up to <paramref name="maxPackets"/> datagrams of <paramref name="file"/> (the bytes given to the
    /// constructor) to <paramref name="receiver"/>, with the capture timestamp as receive time; returns the
    /// datagrams read (0 once finished). At the end of the capture the receiver is flushed: gaps still pending are
    /// declared lost and the messages held behind them delivered.
    /// </summary>
    public int Poll<TMessageHandler, TGapHandler>(
        ReadOnlySpan<byte> file,
        ref MoldUdp64Receiver receiver,
        int maxPackets,
        ref TMessageHandler messageHandler,
        ref TGapHandler gapHandler)
        where TMessageHandler : struct, IMoldUdp64MessageHandler
        where TGapHandler : struct, IGapHandler
    {
        int read = 0;
        while (read < maxPackets)
        {
            if (!_cursor.TryReadNextUdp(file, out UdpDatagram datagram))
            {
                if (!IsFinished)
                {
                    // nothing more will arrive: gaps still pending are lost, what waited behind them goes out
                    receiver.Flush(ref messageHandler, ref gapHandler);
                }

                IsFinished = true;
                break;
            }

            read++;
            int line = LineB.Matches(datagram) ? LineArbiter.LineB : LineA.Matches(datagram) ? LineArbiter.LineA : -1;
            if (line < 0)
            {
                _otherDatagrams++;
                continue;
            }

            receiver.OnPacket(line, datagram.Payload, datagram.TimestampNs, ref messageHandler, ref gapHandler);
        }

        return read;
    }
}
