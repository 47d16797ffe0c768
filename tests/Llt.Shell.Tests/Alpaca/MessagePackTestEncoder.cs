using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>Which timestamp extension size <see cref="MessagePackTestEncoder"/> writes for RFC 3339 "t" values.</summary>
public enum TimestampForm
{
    /// <summary>The smallest that holds the value, as the spec recommends: 32 when whole seconds fit, else 64, else 96.</summary>
    Smallest,
    Always64,
    Always96,
}

/// <summary>
/// The tests' own MessagePack encoder, written from the spec independently of the shell's reader and writer, so a
/// mistake in one is not mirrored in the other. <see cref="FromJson"/> turns an Alpaca JSON frame into the
/// MessagePack frame the server sends for it: objects become maps, numbers with a fraction or exponent float 64,
/// other numbers the smallest integer, and "t" strings (RFC 3339) the timestamp extension.
/// </summary>
internal sealed class MessagePackTestEncoder
{
    private readonly MemoryStream _out = new();

    public byte[] ToArray() => _out.ToArray();

    public static byte[] FromJson(string json, TimestampForm form = TimestampForm.Smallest, bool floats32 = false)
    {
        var encoder = new MessagePackTestEncoder();
        using JsonDocument document = JsonDocument.Parse(json);
        encoder.WriteJson(document.RootElement, null, form, floats32);
        return encoder.ToArray();
    }

    public MessagePackTestEncoder Raw(params byte[] bytes)
    {
        _out.Write(bytes);
        return this;
    }

    public MessagePackTestEncoder Nil() => Raw(0xc0);

    public MessagePackTestEncoder Bool(bool value) => Raw(value ? (byte)0xc3 : (byte)0xc2);

    public MessagePackTestEncoder Int(long value)
    {
        if (value >= 0)
        {
            return UInt((ulong)value);
        }

        if (value >= -32)
        {
            return Raw((byte)(sbyte)value);
        }

        if (value >= sbyte.MinValue)
        {
            return Raw(0xd0, (byte)(sbyte)value);
        }

        if (value >= short.MinValue)
        {
            return Big(0xd1, (ushort)(short)value, 2);
        }

        return value >= int.MinValue ? Big(0xd2, (uint)(int)value, 4) : Big(0xd3, (ulong)value, 8);
    }

    public MessagePackTestEncoder UInt(ulong value) => value switch
    {
        <= 0x7f => Raw((byte)value),
        <= byte.MaxValue => Raw(0xcc, (byte)value),
        <= ushort.MaxValue => Big(0xcd, value, 2),
        <= uint.MaxValue => Big(0xce, value, 4),
        _ => Big(0xcf, value, 8),
    };

    public MessagePackTestEncoder Float64(double value) => Big(0xcb, BitConverter.DoubleToUInt64Bits(value), 8);

    public MessagePackTestEncoder Float32(float value) => Big(0xca, BitConverter.SingleToUInt32Bits(value), 4);

    public MessagePackTestEncoder Str(string value)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(value);
        return StrBytes(utf8);
    }

    public MessagePackTestEncoder StrBytes(byte[] utf8)
    {
        if (utf8.Length <= 31)
        {
            Raw((byte)(0xa0 | utf8.Length));
        }
        else
        {
            Length(utf8.Length, 0xd9, 0xda, 0xdb);
        }

        return Raw(utf8);
    }

    public MessagePackTestEncoder Bin(byte[] bytes)
    {
        Length(bytes.Length, 0xc4, 0xc5, 0xc6);
        return Raw(bytes);
    }

    public MessagePackTestEncoder Array(int count) => count <= 15 ? Raw((byte)(0x90 | count)) : Length(count, 0, 0xdc, 0xdd);

    public MessagePackTestEncoder Map(int pairs) => pairs <= 15 ? Raw((byte)(0x80 | pairs)) : Length(pairs, 0, 0xde, 0xdf);

    public MessagePackTestEncoder Ext(sbyte type, byte[] data)
    {
        byte? fix = data.Length switch { 1 => 0xd4, 2 => 0xd5, 4 => 0xd6, 8 => 0xd7, 16 => 0xd8, _ => null };
        if (fix is not null)
        {
            Raw(fix.Value, (byte)type);
        }
        else
        {
            Length(data.Length, 0xc7, 0xc8, 0xc9);
            Raw((byte)type);
        }

        return Raw(data);
    }

    public MessagePackTestEncoder Timestamp(long seconds, uint nanoseconds, TimestampForm form = TimestampForm.Smallest)
    {
        bool fits64 = seconds >= 0 && seconds < (1L << 34);
        if (form == TimestampForm.Smallest && nanoseconds == 0 && seconds is >= 0 and <= uint.MaxValue)
        {
            byte[] data = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(data, (uint)seconds);
            return Ext(-1, data);
        }

        if (form != TimestampForm.Always96 && fits64)
        {
            byte[] data = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(data, ((ulong)nanoseconds << 34) | (ulong)seconds);
            return Ext(-1, data);
        }

        byte[] wide = new byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(wide, nanoseconds);
        BinaryPrimitives.WriteInt64BigEndian(wide.AsSpan(4), seconds);
        return Ext(-1, wide);
    }

    /// <summary>RFC 3339 with up to 9 fraction digits to (seconds, nanoseconds), independently of the shell's parser.</summary>
    public static (long Seconds, uint Nanoseconds) ParseRfc3339(string text)
    {
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        uint nanos = 0;
        string whole = text;
        if (dot >= 0)
        {
            int end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            nanos = uint.Parse(text[(dot + 1)..end].PadRight(9, '0'), CultureInfo.InvariantCulture);
            whole = text[..dot] + text[end..];
        }

        DateTimeOffset at = DateTimeOffset.Parse(whole, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return (at.ToUnixTimeSeconds(), nanos);
    }

    private void WriteJson(JsonElement element, string? key, TimestampForm form, bool floats32)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                Map(element.EnumerateObject().Count());
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    Str(property.Name);
                    WriteJson(property.Value, property.Name, form, floats32);
                }

                break;
            case JsonValueKind.Array:
                Array(element.GetArrayLength());
                foreach (JsonElement item in element.EnumerateArray())
                {
                    WriteJson(item, null, form, floats32);
                }

                break;
            case JsonValueKind.String when key == "t" && element.GetString()!.Contains('T', StringComparison.Ordinal):
                (long seconds, uint nanos) = ParseRfc3339(element.GetString()!);
                Timestamp(seconds, nanos, form);
                break;
            case JsonValueKind.String:
                Str(element.GetString()!);
                break;
            case JsonValueKind.Number:
                string raw = element.GetRawText();
                if (raw.IndexOfAny(['.', 'e', 'E']) < 0 && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
                {
                    Int(integer);
                }
                else if (floats32)
                {
                    Float32(float.Parse(raw, CultureInfo.InvariantCulture));
                }
                else
                {
                    Float64(double.Parse(raw, CultureInfo.InvariantCulture));
                }

                break;
            case JsonValueKind.True:
                Bool(true);
                break;
            case JsonValueKind.False:
                Bool(false);
                break;
            default:
                Nil();
                break;
        }
    }

    private MessagePackTestEncoder Big(byte code, ulong value, int size)
    {
        _out.WriteByte(code);
        for (int shift = (size - 1) * 8; shift >= 0; shift -= 8)
        {
            _out.WriteByte((byte)(value >> shift));
        }

        return this;
    }

    private MessagePackTestEncoder Length(int length, byte code8, byte code16, byte code32)
    {
        if (code8 != 0 && length <= byte.MaxValue)
        {
            return Raw(code8, (byte)length);
        }

        return length <= ushort.MaxValue ? Big(code16, (ulong)length, 2) : Big(code32, (ulong)length, 4);
    }
}
