using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Llt.Hotpath.Feeds.Capture;
using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.Feeds.MoldUdp;
using Llt.Hotpath.Feeds.Sequencing;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Runtime;
using Llt.Sbe;

namespace Llt.Hotpath.Feeds.Publishing;

/// <summary>
/// The <c>feed</c> agent for <c>feed.type</c> "itch" or "iex": replays a capture through the exchange handlers
/// into md.ring, exactly as a live line would arrive. The file is memory-mapped; each duty cycle takes up to
/// <see cref="CaptureReplayOptions.BatchLimit"/> packets (a pcap/pcapng UDP datagram carrying MoldUDP64 or
/// IEX-TP, or one message of a raw length-prefixed ITCH file) and stamps their receive time. Datagrams are
/// sequenced like live lines (<see cref="MoldUdp64Receiver"/>, <see cref="IexTpReceiver"/>): both lines of an A/B
/// capture (<see cref="CaptureReplayOptions.LineA"/>, <see cref="CaptureReplayOptions.LineB"/>) are arbitrated,
/// first copy wins; a packet missing on one line is taken from the other, the messages after it waiting so they
/// are applied in sequence order; a gap neither line fills within the window (in capture time or messages) is
/// announced to failover as FeedHealth Gap (a file cannot be retransmitted); duplicates and late packets are
/// dropped and counted. Messages go out as SBE through <see cref="ItchSbePublisher"/> / <see cref="IexSbePublisher"/>.
/// A packet is taken only when md.ring has room for everything it can expand to (held messages included), so
/// nothing is dropped when the trader falls behind. Paced mode keeps the recorded spacing
/// (× <see cref="CaptureReplayOptions.Speed"/>). At the end of the file the gaps still open are announced, what
/// waited behind them is published, and FeedHealth Down is sent once.
/// </summary>
public sealed unsafe class CaptureReplayAgent : IAgent, IDisposable
{
    /// <summary>The most SBE bytes (records included) one exchange message can become: an executed-with-price is two.</summary>
    private const int MaxSbeBytesPerMessage = 2 * 96;

    /// <summary>Most messages held behind a gap: releasing them must fit in half of md.ring.</summary>
    private const int MaxHoldBackMessages = 1 << 12;

    private readonly CaptureReplayOptions _options;
    private readonly RingBuffer _ring;
    private readonly INanoClock _clock;
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _file;
    private readonly int _length;
    private readonly bool _raw;
    private CaptureCursor _cursor;
    private int _rawPosition;
    private ItchSbePublisher _itch;
    private IexSbePublisher _iex;
    private MoldUdp64Receiver _mold;
    private IexTpReceiver _iexLine;
    private GapAnnouncer _gaps;
    private long _firstCaptureNs = -1;
    private long _startClockNs;
    private bool _endOfFile;
    private bool _finished;

    public CaptureReplayAgent(CaptureReplayOptions options, RingBuffer ring, IReadOnlyList<string> symbols, INanoClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _ring = ring;
        _clock = clock;
        var info = new FileInfo(options.Path);
        if (!info.Exists || info.Length == 0)
        {
            throw new ArgumentException($"capture '{options.Path}' is missing or empty", nameof(options));
        }

        if (info.Length > int.MaxValue)
        {
            throw new ArgumentException($"capture '{options.Path}' is {info.Length} bytes; replay reads files up to 2 GiB (split it)", nameof(options));
        }

        _length = (int)info.Length;
        _map = MemoryMappedFile.CreateFromFile(options.Path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _file = pointer + _view.PointerOffset;
        _cursor = CaptureCursor.Open(File);
        _raw = _cursor.Format == CaptureFormat.Unknown;
        if (_raw && options.Protocol != CaptureProtocol.Itch50)
        {
            Dispose();
            throw new ArgumentException($"'{options.Path}' is not a pcap or pcapng capture (IEX-TP replays from captures only)", nameof(options));
        }

        _itch = new ItchSbePublisher(ring, ItchInstrumentMap.For(symbols), options.FeedId, options.SessionDateEpochNs);
        _iex = new IexSbePublisher(ring, IexInstrumentMap.For(symbols), options.FeedId);
        int holdBack = HoldBackFor(ring);
        long windowMessages = Math.Min(options.GapWindowMessages, holdBack);
        _gaps = new GapAnnouncer(this);
        if (!_raw)
        {
            var arbiter = new LineArbiter(windowMessages, options.GapWindowNs, startSequence: 0);
            if (options.Protocol == CaptureProtocol.Itch50)
            {
                _mold = new MoldUdp64Receiver(arbiter, holdBack);
            }
            else
            {
                _iex.Protocol = FirstProtocol(File);
                _iexLine = new IexTpReceiver(_iex.Protocol == IexProtocol.Unknown ? IexProtocol.Deep : _iex.Protocol, arbiter, holdBack);
            }
        }
    }

    public string RoleName => "feed";

    public bool IsFinished => _finished;

    public long Packets { get; private set; }

    /// <summary>Messages lost in gaps neither line filled (each gap announced as FeedHealth Gap).</summary>
    public long GapMessages { get; private set; }

    /// <summary>Gaps neither line filled, announced as FeedHealth Gap.</summary>
    public long Gaps { get; private set; }

    /// <summary>Messages dropped because already delivered (the other line's copy, a repeated packet).</summary>
    public long Duplicates => Sequencing.Duplicates;

    /// <summary>Messages that were missing when their successors arrived and came later from either line, in time.</summary>
    public long Recovered => Sequencing.Recovered;

    /// <summary>Packets that came after their gap had been announced: dropped.</summary>
    public long LatePackets => Sequencing.LatePackets;

    /// <summary>Sequencing of the capture's lines (zero for a raw ITCH file): gaps seen, wins per line, session changes.</summary>
    public LineArbiter Sequencing => _options.Protocol == CaptureProtocol.Itch50 ? _mold.Arbiter : _iexLine.Arbiter;

    /// <summary>Datagrams matching neither line filter.</summary>
    public long OtherDatagrams { get; private set; }

    /// <summary>Packets or records that could not be read (damaged capture, malformed framing or segment).</summary>
    public long Damaged { get; private set; }

    /// <summary>Duty cycles that waited for md.ring to drain before taking the next packet.</summary>
    public long BackPressure { get; private set; }

    public ref readonly ItchSbePublisher Itch => ref _itch;

    public ref readonly IexSbePublisher Iex => ref _iex;

    private ReadOnlySpan<byte> File => new(_file, _length);

    public int DoWork()
    {
        if (_finished)
        {
            return 0;
        }

        int work = 0;
        while (work < _options.BatchLimit)
        {
            int step = _raw ? NextRawMessage() : NextDatagram();
            if (step <= 0)
            {
                if (step < 0)
                {
                    Finish();
                    work++;
                }

                break;
            }

            work += step;
        }

        return work;
    }

    /// <summary>1: a message went out; 0: not now (pacing or a full ring); -1: end of file.</summary>
    private int NextRawMessage()
    {
        ReadOnlySpan<byte> file = File;
        if (_rawPosition + 2 > file.Length)
        {
            if (_rawPosition != file.Length)
            {
                Damaged++;
            }

            return -1;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(file.Slice(_rawPosition));
        if (_rawPosition + 2 + length > file.Length)
        {
            Damaged++;
            return -1;
        }

        ReadOnlySpan<byte> message = file.Slice(_rawPosition + 2, length);
        long captureNs = message.Length >= ItchDescriptor.HeaderLength ? ItchFieldReader.Timestamp(message) : 0;
        if (!IsDue(captureNs, out long nowNs) || !HasRoomFor(1))
        {
            return 0;
        }

        _itch.ReceiveTs = nowNs;
        ItchParser.Parse(message, ref _itch);
        _rawPosition += 2 + length;
        Packets++;
        return 1;
    }

    private int NextDatagram()
    {
        if (_endOfFile)
        {
            return -1; // still waiting for md.ring to take what was held behind a gap
        }

        ReadOnlySpan<byte> file = File;
        CaptureCursor saved = _cursor;
        if (!_cursor.TryReadNextUdp(file, out UdpDatagram datagram))
        {
            if (_cursor.Error != CaptureError.None)
            {
                Damaged++;
            }

            _endOfFile = true;
            return -1;
        }

        int line = _options.LineB.Matches(datagram) ? LineArbiter.LineB : _options.LineA.Matches(datagram) ? LineArbiter.LineA : -1;
        if (line < 0)
        {
            OtherDatagrams++;
            return 1;
        }

        ReadOnlySpan<byte> payload = datagram.Payload;
        bool itch = _options.Protocol == CaptureProtocol.Itch50;
        int messages = itch ? MessagesInMoldPacket(payload) : MessagesInIexSegment(payload);
        int held = itch ? _mold.HeldMessages : _iexLine.HeldMessages;
        if (!IsDue(datagram.TimestampNs, out long receiveNs) || !HasRoomFor(messages + held + 1))
        {
            _cursor = saved; // take this packet again next time
            return 0;
        }

        Packets++;
        // sequencing runs in capture time (the recorded arrival of each line), publishing stamps the engine's clock
        if (itch)
        {
            _itch.ReceiveTs = receiveNs;
            long damaged = _mold.TooShortPackets + _mold.MalformedPackets;
            _mold.OnPacket(line, payload, datagram.TimestampNs, ref _itch, ref _gaps);
            Damaged += _mold.TooShortPackets + _mold.MalformedPackets - damaged;
        }
        else
        {
            _iex.ReceiveTs = receiveNs;
            long refused = _iexLine.RefusedSegments + _iexLine.WrongProtocolSegments;
            _iexLine.OnDatagram(line, payload, datagram.TimestampNs, ref _iex, ref _gaps);
            Damaged += _iexLine.RefusedSegments + _iexLine.WrongProtocolSegments - refused;
        }

        return 1;
    }

    /// <summary>Messages a MoldUDP64 packet announces (0 for a heartbeat, end of session or a packet too short to say).</summary>
    private static int MessagesInMoldPacket(ReadOnlySpan<byte> payload) =>
        MoldUdp64Packet.TryWrap(payload, out MoldUdp64Packet packet) ? packet.MessageCount : 0;

    private static int MessagesInIexSegment(ReadOnlySpan<byte> payload) =>
        payload.Length >= IexTpDescriptor.HeaderLength ? BinaryPrimitives.ReadUInt16LittleEndian(payload.Slice(IexTpDescriptor.MessageCountOffset)) : 0;

    /// <summary>The message protocol of the capture's first valid IEX-TP segment (the channel replayed), or Unknown.</summary>
    private static IexProtocol FirstProtocol(ReadOnlySpan<byte> file)
    {
        CaptureCursor cursor = CaptureCursor.Open(file);
        while (cursor.TryReadNextUdp(file, out UdpDatagram datagram))
        {
            if (IexTpSegment.Wrap(datagram.Payload, out IexTpSegment segment) == IexTpError.None)
            {
                return segment.Protocol;
            }
        }

        return IexProtocol.Unknown;
    }

    /// <summary>Messages held behind a gap: a power of two whose release (at most two SBE messages each) fits half of md.ring.</summary>
    private static int HoldBackFor(RingBuffer ring)
    {
        int fit = Math.Max(1, ring.Capacity / (2 * MaxSbeBytesPerMessage));
        return Math.Min(MaxHoldBackMessages, 1 << (31 - int.LeadingZeroCount(fit)));
    }

    private void OnGapDeclared(long from, long to)
    {
        Gaps++;
        GapMessages += to - from + 1;
        PublishHealth(FeedSignal.Gap, to - from + 1, _clock.NanoTime());
    }

    /// <summary>
    /// Paced replay: is a packet captured at <paramref name="captureNs"/> due yet? <paramref name="now"/> is the one
    /// clock read of the packet, also its receive stamp.
    /// </summary>
    private bool IsDue(long captureNs, out long now)
    {
        now = _clock.NanoTime();
        if (!_options.Paced)
        {
            return true;
        }

        if (_firstCaptureNs < 0)
        {
            _firstCaptureNs = captureNs;
            _startClockNs = now;
            return true;
        }

        double elapsedCapture = (captureNs - _firstCaptureNs) / _options.Speed;
        return now - _startClockNs >= (long)elapsedCapture;
    }

    private bool HasRoomFor(int messages)
    {
        if ((long)(_ring.Capacity - _ring.Size) >= (long)messages * MaxSbeBytesPerMessage)
        {
            return true;
        }

        BackPressure++;
        return false;
    }

    private void Finish()
    {
        if (!_raw)
        {
            if (!HasRoomFor((_options.Protocol == CaptureProtocol.Itch50 ? _mold.HeldMessages : _iexLine.HeldMessages) + 2))
            {
                return; // the held messages go out once md.ring has drained
            }

            long now = _clock.NanoTime();
            _itch.ReceiveTs = now;
            _iex.ReceiveTs = now;
            if (_options.Protocol == CaptureProtocol.Itch50)
            {
                _mold.Flush(ref _itch, ref _gaps);
            }
            else
            {
                _iexLine.Flush(ref _iex, ref _gaps);
            }
        }

        _finished = true;
        PublishHealth(FeedSignal.Down, 0, _clock.NanoTime());
    }

    private void PublishHealth(FeedSignal signal, long gapCount, long receiveNs)
    {
        const int length = FeedHealthEncoder.HeaderLength + FeedHealthEncoder.BlockLength;
        int index = _ring.TryClaim(FeedHealthEncoder.TemplateId, length);
        if (index < 0)
        {
            return; // announced again by the failover's own silence detection
        }

        var health = FeedHealthEncoder.WrapAndApplyHeader(_ring.Buffer.AsSpan(index, length), 0);
        health.SetFeedId(_options.FeedId);
        health.SetSignal(signal);
        long next = _raw ? 0 : _options.Protocol == CaptureProtocol.Itch50 ? _mold.Arbiter.NextSequence : _iexLine.Arbiter.NextSequence;
        health.SetSequence((ulong)Math.Max(0, next));
        health.SetGapCount((ulong)gapCount);
        health.SetReceiveTs((ulong)receiveNs);
        _ring.Commit(index);
    }

    /// <summary>Announces each gap neither line filled (the capture's retransmission hook: nothing can be re-requested).</summary>
    private readonly struct GapAnnouncer : IGapHandler
    {
        private readonly CaptureReplayAgent _agent;

        public GapAnnouncer(CaptureReplayAgent agent) => _agent = agent;

        public void OnGapDeclared(long from, long to) => _agent.OnGapDeclared(from, to);
    }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }
}
