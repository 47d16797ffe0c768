using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.Feeds.MoldUdp;
using Llt.Hotpath.Feeds.Sequencing;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Runtime;
using Llt.Sbe;

namespace Llt.Hotpath.Feeds.Publishing;

/// <summary>
/// A live exchange feed into md.ring: receives ITCH 5.0 over MoldUDP64, or IEX-TP, from lines A and B (multicast
/// groups joined on the given interface, or unicast addresses), arbitrates them (<see cref="MoldUdp64Receiver"/>,
/// <see cref="IexTpReceiver"/>: first copy wins, a packet lost on one line is taken from the other and what came
/// after it waits so the trader sees every message in sequence order) and publishes SBE through
/// <see cref="ItchSbePublisher"/> / <see cref="IexSbePublisher"/>, stamped with the engine's clock on receipt.
/// </summary>
/// <remarks>
/// <para>Duty cycle: while md.ring has room for what a packet can become (held messages included), take up to
/// <see cref="UdpFeedOptions.BatchLimit"/> datagrams from each line; declare the gaps whose window ran out; tell
/// failover what it needs: FeedHealth Gap for each gap neither line filled (the retransmission hook: a request server
/// could be asked here), and a Heartbeat every <see cref="UdpFeedOptions.HeartbeatIntervalNs"/> while packets keep
/// coming. When md.ring is full the datagrams wait in the kernel's socket buffer, so the trader falling behind
/// loses nothing until that buffer overflows. Receiving and publishing do not allocate.</para>
/// <para>Single threaded, like every agent: the engine runs it on the <c>feed</c> role's thread.</para>
/// </remarks>
public sealed class UdpFeedAgent : IAgent, IDisposable
{
    /// <summary>The most SBE bytes (records included) one exchange message can become: an executed-with-price is two.</summary>
    private const int MaxSbeBytesPerMessage = 2 * 96;

    /// <summary>
    /// Most messages a datagram is expected to carry: a 9000-byte jumbo frame of the shortest ITCH messages. A
    /// datagram is taken only when md.ring has room for that many; a (non-standard) larger one that does not fit is
    /// counted in the publisher's RingFull.
    /// </summary>
    private const int MaxMessagesPerDatagram = 9_000 / (2 + 12);

    private readonly UdpFeedOptions _options;
    private readonly RingBuffer _ring;
    private readonly INanoClock _clock;
    private readonly UdpLineSocket _lineA;
    private readonly UdpLineSocket? _lineB;
    private readonly bool _itch;
    private ItchSbePublisher _itchPublisher;
    private IexSbePublisher _iexPublisher;
    private MoldUdp64Receiver _mold;
    private IexTpReceiver _iexLine;
    private GapAnnouncer _gaps;
    private long _lastHeartbeatNs;
    private long _packetsAtLastHeartbeat;

    public UdpFeedAgent(UdpFeedOptions options, RingBuffer ring, IReadOnlyList<string> symbols, INanoClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        _ring = ring;
        _clock = clock;
        _itch = options.Protocol == CaptureProtocol.Itch50;
        int holdBack = HoldBackFor(ring);
        var arbiter = new LineArbiter(Math.Min(options.GapWindowMessages, holdBack), options.GapWindowNs, startSequence: 0);
        _itchPublisher = new ItchSbePublisher(ring, ItchInstrumentMap.For(symbols), options.FeedId, options.SessionDateEpochNs);
        _iexPublisher = new IexSbePublisher(ring, IexInstrumentMap.For(symbols), options.FeedId) { Protocol = options.IexProtocol };
        if (_itch)
        {
            _mold = new MoldUdp64Receiver(arbiter, holdBack);
        }
        else
        {
            _iexLine = new IexTpReceiver(options.IexProtocol, arbiter, holdBack);
        }

        _gaps = new GapAnnouncer(this);
        _lineA = new UdpLineSocket(options.GroupA, options.PortA, options.LocalInterface, options.ReceiveBufferBytes);
        try
        {
            _lineB = options.GroupB is null ? null : new UdpLineSocket(options.GroupB, options.PortB, options.LocalInterface, options.ReceiveBufferBytes);
        }
        catch
        {
            _lineA.Dispose();
            throw;
        }

        _lastHeartbeatNs = clock.NanoTime();
    }

    public string RoleName => "feed";

    /// <summary>Line A's bound port (the kernel's choice when 0 was asked for).</summary>
    public int PortA => _lineA.Port;

    public int PortB => _lineB?.Port ?? 0;

    /// <summary>Datagrams received on both lines.</summary>
    public long Packets { get; private set; }

    /// <summary>Gaps neither line filled, each announced as FeedHealth Gap.</summary>
    public long Gaps { get; private set; }

    public long GapMessages { get; private set; }

    /// <summary>Duty cycles that left datagrams in the kernel because md.ring had no room.</summary>
    public long BackPressure { get; private set; }

    /// <summary>Receive calls that failed (see each line's last error).</summary>
    public long ReceiveErrors => _lineA.ReceiveErrors + (_lineB?.ReceiveErrors ?? 0);

    /// <summary>FeedHealth Heartbeats sent.</summary>
    public long Heartbeats { get; private set; }

    /// <summary>Sequencing of the two lines: gaps seen, recovered, duplicates, late packets, wins per line.</summary>
    public LineArbiter Sequencing => _itch ? _mold.Arbiter : _iexLine.Arbiter;

    public ref readonly ItchSbePublisher Itch => ref _itchPublisher;

    public ref readonly IexSbePublisher Iex => ref _iexPublisher;

    public int DoWork()
    {
        int work = Poll(_lineA, LineArbiter.LineA);
        if (_lineB is not null)
        {
            work += Poll(_lineB, LineArbiter.LineB);
        }

        long now = _clock.NanoTime();
        _itchPublisher.ReceiveTs = now;
        _iexPublisher.ReceiveTs = now;
        work += _itch ? _mold.ExpireGaps(now, ref _itchPublisher, ref _gaps) : _iexLine.ExpireGaps(now, ref _iexPublisher, ref _gaps);
        if (now - _lastHeartbeatNs >= _options.HeartbeatIntervalNs)
        {
            if (Packets != _packetsAtLastHeartbeat && PublishHealth(FeedSignal.Heartbeat, 0, now))
            {
                Heartbeats++;
                work++;
            }

            _lastHeartbeatNs = now;
            _packetsAtLastHeartbeat = Packets;
        }

        return work;
    }

    private int Poll(UdpLineSocket line, int lineId)
    {
        int received = 0;
        while (received < _options.BatchLimit)
        {
            int held = _itch ? _mold.HeldMessages : _iexLine.HeldMessages;
            if ((long)(_ring.Capacity - _ring.Size) < (long)(MaxMessagesPerDatagram + held + 1) * MaxSbeBytesPerMessage)
            {
                BackPressure++;
                break; // the datagrams wait in the socket buffer until the trader catches up
            }

            if (!line.TryReceive(out ReadOnlySpan<byte> payload))
            {
                break;
            }

            received++;
            Packets++;
            long now = _clock.NanoTime();
            if (_itch)
            {
                _itchPublisher.ReceiveTs = now;
                _mold.OnPacket(lineId, payload, now, ref _itchPublisher, ref _gaps);
            }
            else
            {
                _iexPublisher.ReceiveTs = now;
                _iexLine.OnDatagram(lineId, payload, now, ref _iexPublisher, ref _gaps);
            }
        }

        return received;
    }

    /// <summary>Messages held behind a gap: a power of two whose release (at most two SBE messages each) fits a quarter of md.ring.</summary>
    private static int HoldBackFor(RingBuffer ring)
    {
        int fit = Math.Max(1, ring.Capacity / (4 * MaxSbeBytesPerMessage));
        return Math.Min(1 << 12, 1 << (31 - int.LeadingZeroCount(fit)));
    }

    private void OnGapDeclared(long from, long to)
    {
        Gaps++;
        GapMessages += to - from + 1;
        PublishHealth(FeedSignal.Gap, to - from + 1, _clock.NanoTime());
    }

    private bool PublishHealth(FeedSignal signal, long gapCount, long receiveNs)
    {
        const int length = FeedHealthEncoder.HeaderLength + FeedHealthEncoder.BlockLength;
        int index = _ring.TryClaim(FeedHealthEncoder.TemplateId, length);
        if (index < 0)
        {
            return false; // failover's own silence detection covers a lost heartbeat
        }

        var health = FeedHealthEncoder.WrapAndApplyHeader(_ring.Buffer.AsSpan(index, length), 0);
        health.SetFeedId(_options.FeedId);
        health.SetSignal(signal);
        health.SetSequence((ulong)Math.Max(0, _itch ? _mold.Arbiter.NextSequence : _iexLine.Arbiter.NextSequence));
        health.SetGapCount((ulong)gapCount);
        health.SetReceiveTs((ulong)receiveNs);
        _ring.Commit(index);
        return true;
    }

    /// <summary>Announces each gap neither line filled.</summary>
    private readonly struct GapAnnouncer : IGapHandler
    {
        private readonly UdpFeedAgent _agent;

        public GapAnnouncer(UdpFeedAgent agent) => _agent = agent;

        public void OnGapDeclared(long from, long to) => _agent.OnGapDeclared(from, to);
    }

    public void Dispose()
    {
        _lineA.Dispose();
        _lineB?.Dispose();
    }
}
