using Llt.Hotpath.Feeds.Capture;
using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Replays the IEX-TP segments of a pcap or pcapng capture (IEX distributes its HIST files as pcapng) into an
/// <see cref="IexFeedHandler{TListener}"/>, a bounded number of datagrams per call so a feed agent's <c>DoWork</c>
/// stays short. The agent keeps this value in a field and passes the (memory-mapped) capture's span on each call,
/// as a span cannot live in a class. Datagrams matching <see cref="LineB"/> go to line B, those matching
/// <see cref="LineA"/> to line A (B is checked first, so A may be <see cref="UdpLineFilter.Any"/>); others are
/// counted and skipped. The capture timestamp is the receive time, so gap windows run on capture time. At the end of
/// the capture (or at damage that stops it) the feed is flushed (<see cref="IexFeedHandler{TListener}.Flush()"/>):
/// gaps still open are declared lost and the messages that waited behind them applied, so the books end as complete
/// as the capture allows.
/// </summary>
/// <example>
/// <code>
/// var source = new IexCaptureSource(file, UdpLineFilter.Any, UdpLineFilter.None);
/// while (!source.IsFinished) source.Poll(file, feed, maxDatagrams: 64);
/// </code>
/// </example>
public struct IexCaptureSource
{
    private CaptureCursor _cursor;
    private long _otherDatagrams;
    private long _lastTimestampNs;

    public IexCaptureSource(ReadOnlySpan<byte> file, UdpLineFilter lineA, UdpLineFilter lineB)
    {
        _cursor = CaptureCursor.Open(file);
        LineA = lineA;
        LineB = lineB;
        IsFinished = _cursor.Error != CaptureError.None;
    }

    public UdpLineFilter LineA { get; }

    public UdpLineFilter LineB { get; }

    /// <summary>Reading state and counters (packets read, skipped, <see cref="CaptureCursor.Error"/>).</summary>
    public readonly CaptureCursor Cursor => _cursor;

    /// <summary>Datagrams that matched neither line.</summary>
    public readonly long OtherDatagrams => _otherDatagrams;

    /// <summary>Capture timestamp of the newest datagram read (ns since the epoch), 0 before any.</summary>
    public readonly long LastTimestampNs => _lastTimestampNs;

    /// <summary>True when the capture is exhausted or damaged (<see cref="CaptureCursor.Error"/> says which).</summary>
    public bool IsFinished { get; private set; }

    /// <summary>
    /// Feeds up to <paramref name="maxDatagrams"/> datagrams of <paramref name="file"/> (the bytes given to the
    /// constructor) to <paramref name="feed"/>, flushing it when the capture ends; returns the datagrams read (0 once
    /// finished).
    /// </summary>
    public int Poll<TListener>(ReadOnlySpan<byte> file, IexFeedHandler<TListener> feed, int maxDatagrams)
        where TListener : struct, IIexBookListener
    {
        var gaps = default(NoGapHandler);
        return Poll(file, feed, maxDatagrams, ref gaps);
    }

    /// <summary>As <see cref="Poll{TListener}(ReadOnlySpan{byte}, IexFeedHandler{TListener}, int)"/>, passing gaps declared lost to <paramref name="gapHandler"/>.</summary>
    public int Poll<TListener, TGapHandler>(ReadOnlySpan<byte> file, IexFeedHandler<TListener> feed, int maxDatagrams, ref TGapHandler gapHandler)
        where TListener : struct, IIexBookListener
        where TGapHandler : struct, IGapHandler
    {
        int read = 0;
        while (read < maxDatagrams)
        {
            if (!_cursor.TryReadNextUdp(file, out UdpDatagram datagram))
            {
                if (!IsFinished)
                {
                    // nothing more can fill the gaps still open: declare them and apply what waited behind them
                    IsFinished = true;
                    feed.Flush(ref gapHandler);
                }

                break;
            }

            read++;
            _lastTimestampNs = datagram.TimestampNs;
            int line = LineB.Matches(datagram) ? LineArbiter.LineB : LineA.Matches(datagram) ? LineArbiter.LineA : -1;
            if (line < 0)
            {
                _otherDatagrams++;
                continue;
            }

            feed.OnDatagram(line, datagram.Payload, datagram.TimestampNs, ref gapHandler);
        }

        return read;
    }
}
