using System.Buffers.Binary;
using F = Llt.Shell.Alpaca.MessagePack.MessagePackDescriptor;

namespace Llt.Shell.Alpaca.MessagePack;

/// <summary>
/// Reads MessagePack values one after another from a span without allocating: strings, binaries and extension
/// payloads come back as slices of the input. Every read returns a <see cref="MessagePackStatus"/>; on anything
/// but <see cref="MessagePackStatus.Ok"/> the position does not move, so a caller can try another type or
/// <see cref="TrySkip"/> the value. Collection counts are checked against the bytes left (every value takes at
/// least one byte), so a hostile count can never make a caller loop or allocate past the input.
/// <example>
/// <code>
/// var reader = new MessagePackReader(frame);
/// if (reader.TryReadMapHeader(out int pairs) == MessagePackStatus.Ok) { ... }
/// </code>
/// </example>
/// </summary>
public ref struct MessagePackReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public MessagePackReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    public readonly bool End => _position >= _data.Length;

    private readonly int Remaining => _data.Length - _position;

    public readonly MessagePackType PeekType()
    {
        if (_position >= _data.Length)
        {
            return MessagePackType.End;
        }

        return _data[_position] switch
        {
            <= F.PositiveFixIntMax => MessagePackType.Integer,
            <= F.FixMapMax => MessagePackType.Map,
            <= F.FixArrayMax => MessagePackType.Array,
            <= F.FixStrMax => MessagePackType.String,
            F.Nil => MessagePackType.Nil,
            F.NeverUsed => MessagePackType.Invalid,
            F.False or F.True => MessagePackType.Boolean,
            F.Bin8 or F.Bin16 or F.Bin32 => MessagePackType.Binary,
            F.Ext8 or F.Ext16 or F.Ext32 => MessagePackType.Extension,
            F.Float32 => MessagePackType.Float32,
            F.Float64 => MessagePackType.Float64,
            >= F.UInt8 and <= F.Int64 => MessagePackType.Integer,
            >= F.FixExt1 and <= F.FixExt16 => MessagePackType.Extension,
            F.Str8 or F.Str16 or F.Str32 => MessagePackType.String,
            F.Array16 or F.Array32 => MessagePackType.Array,
            F.Map16 or F.Map32 => MessagePackType.Map,
            _ => MessagePackType.Integer, // negative fixint 0xe0..0xff
        };
    }

    public MessagePackStatus TryReadNil()
    {
        if (End)
        {
            return MessagePackStatus.Truncated;
        }

        if (_data[_position] != F.Nil)
        {
            return Mismatch();
        }

        _position++;
        return MessagePackStatus.Ok;
    }

    public MessagePackStatus TryReadBoolean(out bool value)
    {
        value = false;
        if (End)
        {
            return MessagePackStatus.Truncated;
        }

        byte code = _data[_position];
        if (code is not (F.False or F.True))
        {
            return Mismatch();
        }

        value = code == F.True;
        _position++;
        return MessagePackStatus.Ok;
    }

    /// <summary>Any integer format; a uint 64 above <see cref="long.MaxValue"/> is <see cref="MessagePackStatus.OutOfRange"/>.</summary>
    public MessagePackStatus TryReadInt64(out long value)
    {
        value = 0;
        if (End)
        {
            return MessagePackStatus.Truncated;
        }

        byte code = _data[_position];
        if (code <= F.PositiveFixIntMax || code >= F.NegativeFixIntMin)
        {
            value = code <= F.PositiveFixIntMax ? code : (sbyte)code;
            _position++;
            return MessagePackStatus.Ok;
        }

        int size = IntegerSize(code);
        if (size == 0)
        {
            return Mismatch();
        }

        if (Remaining < 1 + size)
        {
            return MessagePackStatus.Truncated;
        }

        ReadOnlySpan<byte> bytes = _data.Slice(_position + 1, size);
        switch (code)
        {
            case F.UInt8: value = bytes[0]; break;
            case F.UInt16: value = BinaryPrimitives.ReadUInt16BigEndian(bytes); break;
            case F.UInt32: value = BinaryPrimitives.ReadUInt32BigEndian(bytes); break;
            case F.UInt64:
                ulong unsigned = BinaryPrimitives.ReadUInt64BigEndian(bytes);
                if (unsigned > long.MaxValue)
                {
                    return MessagePackStatus.OutOfRange;
                }

                value = (long)unsigned;
                break;
            case F.Int8: value = (sbyte)bytes[0]; break;
            case F.Int16: value = BinaryPrimitives.ReadInt16BigEndian(bytes); break;
            case F.Int32: value = BinaryPrimitives.ReadInt32BigEndian(bytes); break;
            default: value = BinaryPrimitives.ReadInt64BigEndian(bytes); break;
        }

        _position += 1 + size;
        return MessagePackStatus.Ok;
    }

    /// <summary>Any integer format that holds a value ≥ 0 (negative ones are <see cref="MessagePackStatus.OutOfRange"/>).</summary>
    public MessagePackStatus TryReadUInt64(out ulong value)
    {
        value = 0;
        if (End)
        {
            return MessagePackStatus.Truncated;
        }

        if (_data[_position] == F.UInt64)
        {
            if (Remaining < 9)
            {
                return MessagePackStatus.Truncated;
            }

            value = BinaryPrimitives.ReadUInt64BigEndian(_data.Slice(_position + 1, 8));
            _position += 9;
            return MessagePackStatus.Ok;
        }

        int start = _position;
        MessagePackStatus status = TryReadInt64(out long signed);
        if (status != MessagePackStatus.Ok)
        {
            return status;
        }

        if (signed < 0)
        {
            _position = start;
            return MessagePackStatus.OutOfRange;
        }

        value = (ulong)signed;
        return MessagePackStatus.Ok;
    }

    /// <summary>float 32 (widened exactly) or float 64; integers are <see cref="MessagePackStatus.WrongType"/>.</summary>
    public MessagePackStatus TryReadDouble(out double value)
    {
        value = 0;
        if (End)
        {
            return MessagePackStatus.Truncated;
        }

        byte code = _data[_position];
        if (code == F.Float32)
        {
            if (Remaining < 5)
            {
                return MessagePackStatus.Truncated;
            }

            value = BinaryPrimitives.ReadSingleBigEndian(_data.Slice(_position + 1, 4));
            _position += 5;
            return MessagePackStatus.Ok;
        }

        if (code == F.Float64)
        {
            if (Remaining < 9)
            {
                return MessagePackStatus.Truncated;
            }

            value = BinaryPrimitives.ReadDoubleBigEndian(_data.Slice(_position + 1, 8));
            _position += 9;
            return MessagePackStatus.Ok;
        }

        return Mismatch();
    }

    /// <summary>float 32 only: its shortest decimal form differs from the float 64 it widens to.</summary>
    public MessagePackStatus TryReadSingle(out float value)
    {
        value = 0;
        if (End)
        {
            return MessagePackStatus.Truncated;
        }

        if (_data[_position] != F.Float32)
        {
            return Mismatch();
        }

        if (Remaining < 5)
        {
            return MessagePackStatus.Truncated;
        }

        value = BinaryPrimitives.ReadSingleBigEndian(_data.Slice(_position + 1, 4));
        _position += 5;
        return MessagePackStatus.Ok;
    }

    /// <summary>fixstr / str 8/16/32: the UTF-8 bytes, not validated (the caller decides what it needs).</summary>
    public MessagePackStatus TryReadString(out ReadOnlySpan<byte> utf8)
    {
        utf8 = default;
        if (PeekType() != MessagePackType.String)
        {
            return End ? MessagePackStatus.Truncated : Mismatch();
        }

        return TryReadPayload(out utf8);
    }

    /// <summary>bin 8/16/32.</summary>
    public MessagePackStatus TryReadBinary(out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (PeekType() != MessagePackType.Binary)
        {
            return End ? MessagePackStatus.Truncated : Mismatch();
        }

        return TryReadPayload(out bytes);
    }

    /// <summary>fixarray / array 16/32: the number of values that follow.</summary>
    public MessagePackStatus TryReadArrayHeader(out int count)
    {
        count = 0;
        if (PeekType() != MessagePackType.Array)
        {
            return End ? MessagePackStatus.Truncated : Mismatch();
        }

        MessagePackStatus status = Describe(_position, out int header, out _, out long children);
        if (status != MessagePackStatus.Ok)
        {
            return status;
        }

        if (children > Remaining - header)
        {
            return MessagePackStatus.Truncated;
        }

        count = (int)children;
        _position += header;
        return MessagePackStatus.Ok;
    }

    /// <summary>fixmap / map 16/32: the number of key/value pairs that follow.</summary>
    public MessagePackStatus TryReadMapHeader(out int count)
    {
        count = 0;
        if (PeekType() != MessagePackType.Map)
        {
            return End ? MessagePackStatus.Truncated : Mismatch();
        }

        MessagePackStatus status = Describe(_position, out int header, out _, out long children);
        if (status != MessagePackStatus.Ok)
        {
            return status;
        }

        if (children > Remaining - header)
        {
            return MessagePackStatus.Truncated;
        }

        count = (int)(children / 2);
        _position += header;
        return MessagePackStatus.Ok;
    }

    /// <summary>fixext 1..16 / ext 8/16/32: the application's type byte and the payload.</summary>
    public MessagePackStatus TryReadExtension(out sbyte type, out ReadOnlySpan<byte> data)
    {
        type = 0;
        data = default;
        if (PeekType() != MessagePackType.Extension)
        {
            return End ? MessagePackStatus.Truncated : Mismatch();
        }

        MessagePackStatus status = Describe(_position, out int header, out long payload, out _);
        if (status != MessagePackStatus.Ok)
        {
            return status;
        }

        if (header + payload > Remaining)
        {
            return MessagePackStatus.Truncated;
        }

        // payload counts the type byte, which sits right after the header
        type = (sbyte)_data[_position + header];
        data = _data.Slice(_position + header + 1, (int)payload - 1);
        _position += header + (int)payload;
        return MessagePackStatus.Ok;
    }

    /// <summary>The timestamp extension (type -1) in its 32, 64 or 96-bit form.</summary>
    public MessagePackStatus TryReadTimestamp(out long seconds, out uint nanoseconds)
    {
        seconds = 0;
        nanoseconds = 0;
        int start = _position;
        MessagePackStatus status = TryReadExtension(out sbyte type, out ReadOnlySpan<byte> data);
        if (status != MessagePackStatus.Ok)
        {
            return status;
        }

        if (type != F.TimestampExtensionType)
        {
            _position = start;
            return MessagePackStatus.WrongType;
        }

        switch (data.Length)
        {
            case F.Timestamp32Length:
                seconds = BinaryPrimitives.ReadUInt32BigEndian(data);
                break;
            case F.Timestamp64Length:
                ulong packed = BinaryPrimitives.ReadUInt64BigEndian(data);
                nanoseconds = (uint)(packed >> F.Timestamp64SecondsBits);
                seconds = (long)(packed & F.Timestamp64SecondsMask);
                break;
            case F.Timestamp96Length:
                nanoseconds = BinaryPrimitives.ReadUInt32BigEndian(data);
                seconds = BinaryPrimitives.ReadInt64BigEndian(data[F.Timestamp96SecondsOffset..]);
                break;
            default:
                _position = start;
                return MessagePackStatus.InvalidTimestamp;
        }

        if (nanoseconds >= F.NanosecondsPerSecond)
        {
            _position = start;
            seconds = 0;
            nanoseconds = 0;
            return MessagePackStatus.InvalidTimestamp;
        }

        return MessagePackStatus.Ok;
    }

    /// <summary>
    /// Steps over the next value, containers with everything in them. Iterative (a count of values still to skip
    /// instead of recursion), so no nesting depth can exhaust the stack.
    /// </summary>
    public MessagePackStatus TrySkip()
    {
        int at = _position;
        long pending = 1;
        while (pending > 0)
        {
            MessagePackStatus status = Describe(at, out int header, out long payload, out long children);
            if (status != MessagePackStatus.Ok)
            {
                return status;
            }

            long next = at + header + payload;
            if (next > _data.Length)
            {
                return MessagePackStatus.Truncated;
            }

            at = (int)next;
            pending += children - 1;
            if (pending > _data.Length - at)
            {
                return MessagePackStatus.Truncated; // more values promised than bytes left
            }
        }

        _position = at;
        return MessagePackStatus.Ok;
    }

    private MessagePackStatus TryReadPayload(out ReadOnlySpan<byte> payload)
    {
        payload = default;
        MessagePackStatus status = Describe(_position, out int header, out long length, out _);
        if (status != MessagePackStatus.Ok)
        {
            return status;
        }

        if (header + length > Remaining)
        {
            return MessagePackStatus.Truncated;
        }

        payload = _data.Slice(_position + header, (int)length);
        _position += header + (int)length;
        return MessagePackStatus.Ok;
    }

    private readonly MessagePackStatus Mismatch() =>
        _data[_position] == F.NeverUsed ? MessagePackStatus.InvalidFormat : MessagePackStatus.WrongType;

    private static int IntegerSize(byte code) => code switch
    {
        F.UInt8 or F.Int8 => 1,
        F.UInt16 or F.Int16 => 2,
        F.UInt32 or F.Int32 => 4,
        F.UInt64 or F.Int64 => 8,
        _ => 0,
    };

    /// <summary>
    /// The shape of the value at <paramref name="at"/>: bytes of format and length fields, bytes of payload after
    /// them (an extension's type byte included), and how many values follow inside it (a map's keys and values).
    /// </summary>
    private readonly MessagePackStatus Describe(int at, out int header, out long payload, out long children)
    {
        header = 1;
        payload = 0;
        children = 0;
        if (at >= _data.Length)
        {
            return MessagePackStatus.Truncated;
        }

        byte code = _data[at];
        switch (code)
        {
            case <= F.PositiveFixIntMax:
                return MessagePackStatus.Ok;
            case <= F.FixMapMax:
                children = 2 * (code & F.FixCollectionCountMask);
                return MessagePackStatus.Ok;
            case <= F.FixArrayMax:
                children = code & F.FixCollectionCountMask;
                return MessagePackStatus.Ok;
            case <= F.FixStrMax:
                payload = code & F.FixStrLengthMask;
                return MessagePackStatus.Ok;
            case F.Nil or F.False or F.True:
                return MessagePackStatus.Ok;
            case F.NeverUsed:
                return MessagePackStatus.InvalidFormat;
            case F.Bin8 or F.Str8:
                return Length(at, 1, out header, out payload);
            case F.Bin16 or F.Str16:
                return Length(at, 2, out header, out payload);
            case F.Bin32 or F.Str32:
                return Length(at, 4, out header, out payload);
            case F.Ext8 or F.Ext16 or F.Ext32:
            {
                MessagePackStatus status = Length(at, code == F.Ext8 ? 1 : code == F.Ext16 ? 2 : 4, out header, out payload);
                payload++; // the type byte
                return status;
            }

            case F.Float32:
                payload = 4;
                return MessagePackStatus.Ok;
            case F.Float64:
                payload = 8;
                return MessagePackStatus.Ok;
            case >= F.UInt8 and <= F.Int64:
                payload = IntegerSize(code);
                return MessagePackStatus.Ok;
            case >= F.FixExt1 and <= F.FixExt16:
                payload = 1 + (1 << (code - F.FixExt1));
                return MessagePackStatus.Ok;
            case F.Array16 or F.Array32:
                return Length(at, code == F.Array16 ? 2 : 4, out header, out children);
            case F.Map16 or F.Map32:
            {
                MessagePackStatus status = Length(at, code == F.Map16 ? 2 : 4, out header, out long pairs);
                children = 2 * pairs;
                return status;
            }

            default:
                return MessagePackStatus.Ok; // negative fixint
        }
    }

    /// <summary>A big-endian length of <paramref name="size"/> bytes after the format byte; above int.MaxValue is out of range.</summary>
    private readonly MessagePackStatus Length(int at, int size, out int header, out long length)
    {
        header = 1 + size;
        length = 0;
        if (_data.Length - at < header)
        {
            return MessagePackStatus.Truncated;
        }

        ReadOnlySpan<byte> bytes = _data.Slice(at + 1, size);
        length = size switch
        {
            1 => bytes[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            _ => BinaryPrimitives.ReadUInt32BigEndian(bytes),
        };
        return length > int.MaxValue ? MessagePackStatus.OutOfRange : MessagePackStatus.Ok;
    }
}
