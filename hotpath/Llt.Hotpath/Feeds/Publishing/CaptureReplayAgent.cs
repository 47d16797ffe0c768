using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Llt.Hotpath.Feeds.Capture;
using Llt.Hotpath.Feeds.Iex;
using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.Feeds.MoldUdp;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Runtime;
using Llt.Sbe;

namespace Llt.Hotpath.Feeds.Publishing;

/// <summary>
/// The <c>feed</c> agent for <c>feed.type</c> "itch" or "iex": replays a capture through the exchange handlers
/// into md.ring, exactly as a live line would arrive. The file is memory-mapped; each duty cycle takes up to
/// <see cref="CaptureReplayOptions.BatchLimit"/> packets (a pcap/pcapng UDP datagram carrying MoldUDP64 or
/// IEX-TP, or one message of a raw length-prefixed ITCH file), stamps their receive time, checks the line's
/// sequence numbers (a gap is announced to failover as FeedHealth Gap: a file cannot be retransmitted; duplicates
/// and late packets are dropped and counted) and publishes the messages as SBE through
/// <see cref="ItchSbePublisher"/> / <see cref="IexSbePublisher"/>. A packet is taken only when md.ring has room for
/// everything it can expand to, so nothing is dropped when the trader falls behind. Paced mode keeps the recorded
/// spacing (× <see cref="CaptureReplayOptions.Speed"/>). At the end of the file it sends FeedHealth Down once.
/// </summary>
public sealed unsafe class CaptureReplayAgent : IAgent, IDisposable
{
    /// <summary>The most SBE bytes (records included) one exchange message can become: an executed-with-price is two.</summary>
    private const int MaxSbeBytesPerMessage = 2 * 96;

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
    private long _expectedSequence;
    private long _firstCaptureNs = -1;
    private long _startClockNs;
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
    }

    public string RoleName => "feed";

    public bool IsFinished => _finished;

    public long Packets { get; private set; }

    /// <summary>Messages lost in sequence gaps (each gap announced as FeedHealth Gap).</summary>
    public long GapMessages { get; private set; }

    public long Gaps { get; private set; }

    /// <summary>Packets whose sequence was already seen (duplicates, late copies): dropped.</summary>
    public long Duplicates { get; private set; }

    /// <summary>Packets or records that could not be read (damaged capture, malformed framing).</summary>
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
        ReadOnlySpan<byte> file = File;
        CaptureCursor saved = _cursor;
        if (!_cursor.TryReadNextUdp(file, out UdpDatagram datagram))
        {
            if (_cursor.Error != CaptureError.None)
            {
                Damaged++;
            }

            return -1;
        }

        ReadOnlySpan<byte> payload = datagram.Payload;
        int messages;
        long sequence;
        if (_options.Protocol == CaptureProtocol.Itch50)
        {
            if (!MoldUdp64Packet.TryWrap(payload, out MoldUdp64Packet packet) || packet.Validate() != MoldUdp64PacketError.None)
            {
                Damaged++;
                return 1;
            }

            messages = packet.MessageCount;
            sequence = packet.SequenceNumber;
        }
        else
        {
            if (IexTpSegment.Wrap(payload, out IexTpSegment segment) != IexTpError.None)
            {
                Damaged++;
                return 1;
            }

            messages = segment.MessageCount;
            sequence = segment.FirstMessageSequenceNumber;
        }

        if (!IsDue(datagram.TimestampNs, out long receiveNs) || !HasRoomFor(messages + 1))
        {
            _cursor = saved; // take this packet again next time
            return 0;
        }

        Packets++;
        if (messages == 0)
        {
            return 1; // heartbeat: keeps the line alive in the capture's own timing, nothing to publish
        }

        if (_expectedSequence > 0 && sequence < _expectedSequence)
        {
            Duplicates++;
            return 1;
        }

        if (_expectedSequence > 0 && sequence > _expectedSequence)
        {
            Gaps++;
            GapMessages += sequence - _expectedSequence;
            PublishHealth(FeedSignal.Gap, sequence - _expectedSequence, receiveNs);
        }

        _expectedSequence = sequence + messages;
        if (_options.Protocol == CaptureProtocol.Itch50)
        {
            MoldUdp64Packet.TryWrap(payload, out MoldUdp64Packet packet);
            _itch.ReceiveTs = receiveNs;
            foreach (ReadOnlySpan<byte> message in packet)
            {
                ItchParser.Parse(message, ref _itch);
            }
        }
        else
        {
            IexTpSegment.Wrap(payload, out IexTpSegment segment);
            _iex.ReceiveTs = receiveNs;
            IexProtocol protocol = segment.Protocol;
            foreach (ReadOnlySpan<byte> message in segment)
            {
                IexParser.Parse(protocol, message, ref _iex);
            }
        }

        return 1;
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
        health.SetSequence((ulong)Math.Max(0, _expectedSequence));
        health.SetGapCount((ulong)gapCount);
        health.SetReceiveTs((ulong)receiveNs);
        _ring.Commit(index);
    }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }
}
