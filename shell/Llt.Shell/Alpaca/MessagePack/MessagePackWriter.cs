using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using F = Llt.Shell.Alpaca.MessagePack.MessagePackDescriptor;

namespace Llt.Shell.Alpaca.MessagePack;

/// <summary>
/// Writes the few MessagePack values a stream client sends (maps, arrays, strings, nil) in their smallest
/// form. Used off the hot path, for auth and subscribe messages.
/// <example>
/// <code>
/// var buffer = new ArrayBufferWriter&lt;byte&gt;();
/// var writer = new MessagePackWriter(buffer);
/// writer.WriteMapHeader(1);
/// writer.WriteString("action");
/// writer.WriteString("auth");
/// </code>
/// </example>
/// </summary>
public sealed class MessagePackWriter
{
    private readonly IBufferWriter<byte> _output;

    public MessagePackWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    public void WriteNil()
    {
        Span<byte> span = _output.GetSpan(1);
        span[0] = F.Nil;
        _output.Advance(1);
    }

    public void WriteMapHeader(int pairs) => WriteCollectionHeader(pairs, F.FixMapMin, F.Map16, F.Map32);

    public void WriteArrayHeader(int count) => WriteCollectionHeader(count, F.FixArrayMin, F.Array16, F.Array32);

    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int length = Encoding.UTF8.GetByteCount(value);
        Span<byte> span = _output.GetSpan(5 + length);
        int header;
        if (length <= F.FixStrLengthMask)
        {
            span[0] = (byte)(F.FixStrMin | length);
            header = 1;
        }
        else if (length <= byte.MaxValue)
        {
            span[0] = F.Str8;
            span[1] = (byte)length;
            header = 2;
        }
        else if (length <= ushort.MaxValue)
        {
            span[0] = F.Str16;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)length);
            header = 3;
        }
        else
        {
            span[0] = F.Str32;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)length);
            header = 5;
        }

        Encoding.UTF8.GetBytes(value, span[header..]);
        _output.Advance(header + length);
    }

    private void WriteCollectionHeader(int count, byte fixMin, byte code16, byte code32)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Span<byte> span = _output.GetSpan(5);
        if (count <= F.FixCollectionCountMask)
        {
            span[0] = (byte)(fixMin | count);
            _output.Advance(1);
        }
        else if (count <= ushort.MaxValue)
        {
            span[0] = code16;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)count);
            _output.Advance(3);
        }
        else
        {
            span[0] = code32;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)count);
            _output.Advance(5);
        }
    }
}
