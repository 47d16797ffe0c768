namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Enumerates the messages of a validated <see cref="IexTpSegment"/>: each <see cref="Current"/> is one
/// message's bytes without its 2-byte length field. <see cref="Index"/> is the position in the segment, so
/// the message's sequence number is <c>FirstMessageSequenceNumber + Index</c>.
/// </summary>
public ref struct IexTpMessageEnumerator
{
    private readonly ReadOnlySpan<byte> _payload;
    private readonly int _count;
    private int _position;
    private int _index;
    private ReadOnlySpan<byte> _current;

    internal IexTpMessageEnumerator(ReadOnlySpan<byte> payload, int count)
    {
        _payload = payload;
        _count = count;
        _position = 0;
        _index = -1;
        _current = default;
    }

    public readonly ReadOnlySpan<byte> Current => _current;

    /// <summary>Position of <see cref="Current"/> in the segment (0 = first message).</summary>
    public readonly int Index => _index;

    public bool MoveNext()
    {
        if (_index + 1 >= _count)
        {
            return false;
        }

        // framing was checked by IexTpSegment.Wrap, so the length field and message are inside the payload
        int length = IexBytes.UInt16(_payload, _position);
        int start = _position + IexTpDescriptor.MessageLengthFieldLength;
        _current = _payload.Slice(start, length);
        _position = start + length;
        _index++;
        return true;
    }
}
