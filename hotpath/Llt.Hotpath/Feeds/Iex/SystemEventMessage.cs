namespace Llt.Hotpath.Feeds.Iex;

/// <summary>System Event 'S': an event of the market or the feed (start/end of messages, system and regular hours).</summary>
public readonly ref struct SystemEventMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal SystemEventMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    /// <summary>'O' start of messages, 'S' start of system hours, 'R' start of regular market hours, 'M' end of regular market hours, 'E' end of system hours, 'C' end of messages.</summary>
    public byte SystemEvent => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    /// <summary>Nanoseconds since the POSIX epoch.</summary>
    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);
}
