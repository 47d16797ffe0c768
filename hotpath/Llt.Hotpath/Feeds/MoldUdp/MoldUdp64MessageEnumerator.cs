using System.Buffers.Binary;

namespace Llt.Hotpath.Feeds.MoldUdp;

/// <summary>
/// The messages of a MoldUDP64 packet in order, as slices of the packet. Stops at the announced count; a block
/// whose length runs past the packet stops the walk with <see cref="MoldUdp64PacketError.BlockOverrun"/> (the
/// messages before it were good and were handed out; the rest cannot be framed). After the loop,
/// <see cref="Error"/> also reports missing blocks or trailing bytes.
/// </summary>
public ref struct MoldUdp64MessageEnumerator
{
    private readonly ReadOnlySpan<byte> _blocks;
    private readonly int _count;
    private int _offset;
    private int _index;
    private ReadOnlySpan<byte> _current;
    private MoldUdp64PacketError _error;

    public MoldUdp64MessageEnumerator(ReadOnlySpan<byte> blocks, int count)
    {
        _blocks = blocks;
        _count = count;
        _offset = 0;
        _index = -1;
        _current = default;
        _error = MoldUdp64PacketError.None;
    }

    public readonly ReadOnlySpan<byte> Current => _current;

    /// <summary>Index of <see cref="Current"/> in the packet: its sequence is the packet's sequence + this.</summary>
    public readonly int Index => _index;

    public readonly MoldUdp64PacketError Error => _error;

    public MoldUdp64MessageEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_error != MoldUdp64PacketError.None)
        {
            return false;
        }

        if (_index + 1 >= _count)
        {
            if (_offset != _blocks.Length)
            {
                _error = MoldUdp64PacketError.TrailingBytes;
            }

            _current = default;
            return false;
        }

        int remaining = _blocks.Length - _offset;
        if (remaining < MoldUdp64Descriptor.MessageLengthFieldLength)
        {
            _error = remaining == 0 ? MoldUdp64PacketError.MissingBlocks : MoldUdp64PacketError.BlockOverrun;
            _current = default;
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(_blocks.Slice(_offset));
        if (length > remaining - MoldUdp64Descriptor.MessageLengthFieldLength)
        {
            _error = MoldUdp64PacketError.BlockOverrun;
            _current = default;
            return false;
        }

        _current = _blocks.Slice(_offset + MoldUdp64Descriptor.MessageLengthFieldLength, length);
        _offset += MoldUdp64Descriptor.MessageLengthFieldLength + length;
        _index++;
        return true;
    }
}
