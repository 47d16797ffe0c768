using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;
using Llt.Shell.Alpaca.MessagePack;

namespace Llt.Shell.Alpaca;

/// <summary>
/// Reads one binary frame of Alpaca's market data stream v2 in MessagePack (asked for with
/// <c>Content-Type: application/msgpack</c> on the upgrade): an array of maps with the same keys as the JSON
/// messages. Numbers arrive as integers or floats (prices become fixed-point 10^-8 from the float's shortest
/// decimal form, the same digits a JSON encoder prints), timestamps as the timestamp extension (type -1, all three
/// sizes; RFC 3339 strings are read too). Each message goes through the same
/// <see cref="AlpacaStreamParser.Dispatch"/> as JSON, so the handler sees identical calls. A message with fields of
/// the wrong type is malformed and the rest of the frame is still read; bytes that are not MessagePack, or end
/// early, make the message where it happened malformed and end the frame (nothing after it can be found).
/// </summary>
public static class AlpacaMessagePackParser
{
    /// <summary>Strings up to this many UTF-8 bytes (symbols, exchange and tape codes) are looked up, not allocated.</summary>
    private const int MaxInternedLength = 32;

    /// <summary>Bounds the table, so a stream of random symbols cannot grow it without end.</summary>
    private const int MaxInterned = 8192;

    private static readonly string[] AsciiCharacters = CreateAsciiCharacters();
    private static readonly ConcurrentDictionary<string, string> Interned = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> InternedByChars =
        Interned.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Parses <paramref name="frame"/>; returns the number of messages it held (malformed ones included).</summary>
    public static int Parse(ReadOnlySpan<byte> frame, IAlpacaStreamHandler handler)
    {
        var reader = new MessagePackReader(frame);
        MessagePackStatus status = reader.TryReadArrayHeader(out int count);
        if (status != MessagePackStatus.Ok)
        {
            handler.OnMalformed(status == MessagePackStatus.WrongType
                ? "a frame must be a MessagePack array of messages"
                : $"not valid MessagePack: {status} at byte {reader.Position}");
            return 1;
        }

        for (int i = 0; i < count; i++)
        {
            if (reader.PeekType() != MessagePackType.Map)
            {
                status = reader.TrySkip();
                if (status != MessagePackStatus.Ok)
                {
                    handler.OnMalformed($"not valid MessagePack: {status} at byte {reader.Position}");
                    return i + 1;
                }

                handler.OnMalformed($"array element {i + 1} is not an object"); // a map; worded as JSON says it
                continue;
            }

            var message = new AlpacaStreamMessage();
            status = ReadMessage(ref reader, ref message);
            if (status != MessagePackStatus.Ok)
            {
                handler.OnMalformed($"not valid MessagePack: {status} at byte {reader.Position}");
                return i + 1;
            }

            AlpacaStreamParser.Dispatch(message, handler);
        }

        if (!reader.End)
        {
            handler.OnMalformed($"{frame.Length - reader.Position} bytes after the message array");
            return count + 1;
        }

        return count;
    }

    private static MessagePackStatus ReadMessage(ref MessagePackReader reader, ref AlpacaStreamMessage m)
    {
        MessagePackStatus status = reader.TryReadMapHeader(out int pairs);
        for (int p = 0; p < pairs && status == MessagePackStatus.Ok; p++)
        {
            if (reader.TryReadString(out ReadOnlySpan<byte> key) != MessagePackStatus.Ok)
            {
                m.Problem ??= "a map key is not a string";
                status = reader.TrySkip();
                if (status == MessagePackStatus.Ok)
                {
                    status = reader.TrySkip();
                }

                continue;
            }

            status = ReadField(ref reader, key, ref m);
        }

        return status;
    }

    private static MessagePackStatus ReadField(ref MessagePackReader reader, ReadOnlySpan<byte> key, ref AlpacaStreamMessage m)
    {
        switch (key.Length)
        {
            case 1:
                switch (key[0])
                {
                    case (byte)'T': return ReadType(ref reader, out m.Type);
                    case (byte)'S': return ReadString(ref reader, out m.Symbol);
                    case (byte)'i': return ReadInteger(ref reader, out m.TradeId);
                    case (byte)'x': return ReadString(ref reader, out m.Exchange);
                    case (byte)'z': return ReadString(ref reader, out m.Tape);
                    case (byte)'p': return ReadFixedPoint(ref reader, out m.Price);
                    case (byte)'s': return ReadQuantity(ref reader, out m.Size);
                    case (byte)'o': return ReadFixedPoint(ref reader, out m.Open);
                    case (byte)'h': return ReadFixedPoint(ref reader, out m.High);
                    case (byte)'l': return ReadFixedPoint(ref reader, out m.Low);
                    case (byte)'c': return ReadFixedPoint(ref reader, out m.Close); // trade conditions (an array) are not a close
                    case (byte)'v': return ReadQuantity(ref reader, out m.Volume);
                    case (byte)'t': return ReadTimestamp(ref reader, out m.TimestampNs);
                }

                break;
            case 2:
                if (key.SequenceEqual("bp"u8))
                {
                    return ReadFixedPoint(ref reader, out m.BidPrice);
                }

                if (key.SequenceEqual("bs"u8))
                {
                    return ReadQuantity(ref reader, out m.BidSize);
                }

                if (key.SequenceEqual("ap"u8))
                {
                    return ReadFixedPoint(ref reader, out m.AskPrice);
                }

                if (key.SequenceEqual("as"u8))
                {
                    return ReadQuantity(ref reader, out m.AskSize);
                }

                break;
            default:
                if (key.SequenceEqual("msg"u8))
                {
                    return ReadString(ref reader, out m.Msg);
                }

                if (key.SequenceEqual("code"u8))
                {
                    MessagePackStatus status = ReadInteger(ref reader, out long? code);
                    m.Code = code is >= int.MinValue and <= int.MaxValue ? (int)code.Value : null;
                    return status;
                }

                if (key.SequenceEqual("trades"u8))
                {
                    return ReadStrings(ref reader, out m.Trades);
                }

                if (key.SequenceEqual("quotes"u8))
                {
                    return ReadStrings(ref reader, out m.Quotes);
                }

                if (key.SequenceEqual("bars"u8))
                {
                    return ReadStrings(ref reader, out m.Bars);
                }

                break;
        }

        return reader.TrySkip();
    }

    /// <summary>The documented types map to interned literals (no allocation per message); anything else is kept for the error.</summary>
    private static MessagePackStatus ReadType(ref MessagePackReader reader, out string? type)
    {
        type = null;
        if (reader.PeekType() != MessagePackType.String)
        {
            return reader.TrySkip();
        }

        MessagePackStatus status = reader.TryReadString(out ReadOnlySpan<byte> utf8);
        if (status != MessagePackStatus.Ok)
        {
            return status;
        }

        type = utf8.Length == 1
            ? utf8[0] switch
            {
                (byte)'t' => "t",
                (byte)'q' => "q",
                (byte)'b' => "b",
                (byte)'d' => "d",
                (byte)'u' => "u",
                (byte)'s' => "s",
                (byte)'c' => "c",
                (byte)'x' => "x",
                (byte)'l' => "l",
                (byte)'n' => "n",
                _ => Decode(utf8),
            }
            : utf8.SequenceEqual("success"u8) ? "success"
            : utf8.SequenceEqual("error"u8) ? "error"
            : utf8.SequenceEqual("subscription"u8) ? "subscription"
            : Decode(utf8);
        return MessagePackStatus.Ok;
    }

    /// <summary>
    /// UTF-8 to a string; invalid UTF-8 is treated like a value of the wrong type (null). Short strings come from a
    /// table of the ones seen before, so a steady stream of the same symbols allocates nothing.
    /// </summary>
    private static string? Decode(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 1 && utf8[0] < AsciiCharacters.Length)
        {
            return AsciiCharacters[utf8[0]];
        }

        if (utf8.Length > MaxInternedLength)
        {
            return Utf8.IsValid(utf8) ? Encoding.UTF8.GetString(utf8) : null;
        }

        Span<char> buffer = stackalloc char[MaxInternedLength];
        if (Utf8.ToUtf16(utf8, buffer, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return null;
        }

        ReadOnlySpan<char> chars = buffer[..written];
        if (InternedByChars.TryGetValue(chars, out string? known))
        {
            return known;
        }

        string created = new(chars);
        if (Interned.Count < MaxInterned)
        {
            Interned.TryAdd(created, created);
        }

        return created;
    }

    private static string[] CreateAsciiCharacters()
    {
        string[] characters = new string[128];
        for (int c = 0; c < characters.Length; c++)
        {
            characters[c] = ((char)c).ToString();
        }

        return characters;
    }

    private static MessagePackStatus ReadString(ref MessagePackReader reader, out string? value)
    {
        value = null;
        if (reader.PeekType() != MessagePackType.String)
        {
            return reader.TrySkip();
        }

        MessagePackStatus status = reader.TryReadString(out ReadOnlySpan<byte> utf8);
        value = status == MessagePackStatus.Ok ? Decode(utf8) : null;
        return status;
    }

    private static MessagePackStatus ReadStrings(ref MessagePackReader reader, out string[]? values)
    {
        values = null;
        if (reader.PeekType() != MessagePackType.Array)
        {
            return reader.TrySkip();
        }

        MessagePackStatus status = reader.TryReadArrayHeader(out int count);
        var list = new List<string>(count);
        for (int i = 0; i < count && status == MessagePackStatus.Ok; i++)
        {
            status = ReadString(ref reader, out string? value);
            if (value is not null)
            {
                list.Add(value);
            }
        }

        values = [.. list];
        return status;
    }

    private static MessagePackStatus ReadInteger(ref MessagePackReader reader, out long? value)
    {
        value = null;
        if (reader.PeekType() != MessagePackType.Integer)
        {
            return reader.TrySkip();
        }

        MessagePackStatus status = reader.TryReadInt64(out long integer);
        if (status == MessagePackStatus.OutOfRange)
        {
            return reader.TrySkip(); // a uint 64 above long.MaxValue: not a usable id
        }

        value = status == MessagePackStatus.Ok ? integer : null;
        return status;
    }

    private static MessagePackStatus ReadFixedPoint(ref MessagePackReader reader, out long? value)
    {
        value = null;
        MessagePackStatus status;
        switch (reader.PeekType())
        {
            case MessagePackType.Integer:
                status = ReadInteger(ref reader, out long? integer);
                value = integer is null ? null : AlpacaNumbers.FixedPoint(integer.Value);
                return status;
            case MessagePackType.Float64:
                status = reader.TryReadDouble(out double number);
                value = status == MessagePackStatus.Ok ? AlpacaNumbers.FixedPoint(number) : null;
                return status;
            case MessagePackType.Float32:
                status = reader.TryReadSingle(out float single);
                value = status == MessagePackStatus.Ok ? AlpacaNumbers.FixedPoint(single) : null;
                return status;
            default:
                return reader.TrySkip();
        }
    }

    private static MessagePackStatus ReadQuantity(ref MessagePackReader reader, out long? value)
    {
        value = null;
        MessagePackStatus status;
        switch (reader.PeekType())
        {
            case MessagePackType.Integer:
                status = ReadInteger(ref reader, out long? integer);
                value = integer >= 0 ? integer : null;
                return status;
            case MessagePackType.Float32 or MessagePackType.Float64:
                status = reader.TryReadDouble(out double number);
                value = status == MessagePackStatus.Ok ? AlpacaNumbers.Quantity(number) : null;
                return status;
            default:
                return reader.TrySkip();
        }
    }

    /// <summary>The timestamp extension to epoch nanoseconds (null when out of the long range, year 2262); an RFC 3339 string is read as in JSON.</summary>
    private static MessagePackStatus ReadTimestamp(ref MessagePackReader reader, out long? value)
    {
        value = null;
        switch (reader.PeekType())
        {
            case MessagePackType.Extension:
            {
                MessagePackStatus status = reader.TryReadTimestamp(out long seconds, out uint nanoseconds);
                if (status is MessagePackStatus.WrongType or MessagePackStatus.InvalidTimestamp)
                {
                    return reader.TrySkip(); // another extension, or a broken timestamp: the field is unusable, the frame is not
                }

                const long maxSeconds = long.MaxValue / MessagePackDescriptor.NanosecondsPerSecond;
                if (status == MessagePackStatus.Ok && seconds is >= -maxSeconds and < maxSeconds)
                {
                    value = (seconds * MessagePackDescriptor.NanosecondsPerSecond) + nanoseconds;
                }

                return status;
            }

            case MessagePackType.String:
            {
                MessagePackStatus status = reader.TryReadString(out ReadOnlySpan<byte> text);
                value = status == MessagePackStatus.Ok ? AlpacaStreamParser.Timestamp(text) : null;
                return status;
            }

            default:
                return reader.TrySkip();
        }
    }
}
