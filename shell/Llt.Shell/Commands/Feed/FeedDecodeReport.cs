using System.Globalization;

namespace Llt.Shell.Commands.Feed;

/// <summary>
/// What <c>llt feed decode</c> met besides good messages: malformed messages, refused packets, damaged captures.
/// Each is counted; the first <see cref="MaxWarnings"/> are also written to stderr as one clear line each (a badly
/// damaged file must not drown the terminal), and <see cref="WriteSummary"/> gives the totals.
/// </summary>
public sealed class FeedDecodeReport
{
    public const int MaxWarnings = 100;

    private readonly TextWriter _error;
    private long _warnings;

    public FeedDecodeReport(TextWriter error) => _error = error ?? throw new ArgumentNullException(nameof(error));

    /// <summary>Datagrams or segments read from the file (UDP datagrams of a capture, segments of a raw IEX-TP file).</summary>
    public long Packets { get; set; }

    /// <summary>Packets that carried no message (IEX-TP or MoldUDP64 heartbeats).</summary>
    public long Heartbeats { get; set; }

    public long MalformedMessages { get; private set; }

    /// <summary>Packets refused whole (bad framing, another protocol).</summary>
    public long BadPackets { get; private set; }

    /// <summary>Capture records that were not IPv4 UDP datagrams (ARP, IPv6, fragments, cut by the snapshot length).</summary>
    public long SkippedCaptureRecords { get; set; }

    /// <summary>The file stopped being readable part-way (a cut capture or raw file); what came before was decoded.</summary>
    public bool Truncated { get; private set; }

    public void MalformedMessage(long sequence, string reason, int length, int messageType)
    {
        MalformedMessages++;
        string type = messageType < 0 ? "none" : messageType is >= 0x20 and < 0x7F ? $"'{(char)messageType}'" : $"0x{messageType:x2}";
        Warn($"message {sequence.ToString(CultureInfo.InvariantCulture)}: {reason} (type {type}, {length} bytes); skipped");
    }

    public void BadPacket(long packet, string why)
    {
        BadPackets++;
        Warn($"packet {packet.ToString(CultureInfo.InvariantCulture)}: {why}; skipped");
    }

    public void Damaged(string what)
    {
        Truncated = true;
        Warn(what);
    }

    public void WriteSummary(long messages)
    {
        if (_warnings > MaxWarnings)
        {
            _error.WriteLine($"warning: {_warnings - MaxWarnings} more warnings not shown");
        }

        _error.WriteLine(
            $"decoded {messages} messages from {Packets} packets ({Heartbeats} heartbeats); {MalformedMessages} malformed messages, "
            + $"{BadPackets} bad packets, {SkippedCaptureRecords} non-UDP capture records skipped{(Truncated ? "; the file ends early (truncated)" : "")}");
    }

    private void Warn(string text)
    {
        if (++_warnings <= MaxWarnings)
        {
            _error.WriteLine("warning: " + text);
        }
    }
}
