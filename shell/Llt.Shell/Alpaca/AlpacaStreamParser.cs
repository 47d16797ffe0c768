using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace Llt.Shell.Alpaca;

/// <summary>
/// Reads one frame of Alpaca's market data stream v2 (a JSON array of objects, each tagged by "T") and hands each
/// message to an <see cref="IAlpacaStreamHandler"/>: control messages ("success", "error", "subscription") and
/// market data ("t" trade, "q" quote, "b"/"d"/"u" minute, daily and updated bars, "s" trading status, "c"/"x"
/// corrections and cancels, "l" LULD). Prices become fixed-point 10^-8 exactly (no floating point), timestamps
/// (RFC 3339 with up to nanosecond digits) epoch nanoseconds. A message that is not what the documentation says
/// goes to <see cref="IAlpacaStreamHandler.OnMalformed"/> and the rest of the frame is still read; a frame that is
/// not a JSON array at all is one malformed message. Binary (MessagePack) frames go to
/// <see cref="AlpacaMessagePackParser"/>, which ends in the same <see cref="Dispatch"/>.
/// </summary>
public static class AlpacaStreamParser
{
    /// <summary>Parses <paramref name="frame"/>; returns the number of messages it held (malformed ones included).</summary>
    public static int Parse(ReadOnlySpan<byte> frame, IAlpacaStreamHandler handler)
    {
        var reader = new Utf8JsonReader(frame, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 8 });
        int count = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                handler.OnMalformed("a frame must be a JSON array of messages");
                return 1;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                count++;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    handler.OnMalformed($"array element {count} is not an object");
                    reader.Skip();
                    continue;
                }

                AlpacaStreamMessage message = ReadMessage(ref reader);
                Dispatch(message, handler);
            }
        }
        catch (JsonException e)
        {
            handler.OnMalformed($"not valid JSON: {e.Message}");
            return count + 1;
        }

        return count;
    }

    /// <summary>One message to the handler; shared by the JSON and MessagePack parsers so both give the same calls.</summary>
    internal static void Dispatch(in AlpacaStreamMessage m, IAlpacaStreamHandler handler)
    {
        if (m.Problem is not null)
        {
            handler.OnMalformed(m.Problem);
            return;
        }

        switch (m.Type)
        {
            case "success":
                handler.OnSuccess(m.Msg ?? "");
                break;
            case "error":
                if (m.Code is null)
                {
                    handler.OnMalformed("error message without a code");
                    break;
                }

                handler.OnError(m.Code.Value, m.Msg ?? "");
                break;
            case "subscription":
                handler.OnSubscription(m.Trades ?? [], m.Quotes ?? [], m.Bars ?? []);
                break;
            case "t":
                if (m.Symbol is null || m.Price is null || m.Size is null || m.TimestampNs is null)
                {
                    handler.OnMalformed($"trade without S, p, s or t ({m.Symbol})");
                    break;
                }

                handler.OnTrade(new AlpacaTrade(m.Symbol, m.Price.Value, m.Size.Value, m.TradeId ?? 0, m.TimestampNs.Value, m.Exchange ?? "", m.Tape ?? ""));
                break;
            case "q":
                if (m.Symbol is null || m.BidPrice is null || m.AskPrice is null || m.BidSize is null || m.AskSize is null || m.TimestampNs is null)
                {
                    handler.OnMalformed($"quote without S, bp, bs, ap, as or t ({m.Symbol})");
                    break;
                }

                handler.OnQuote(new AlpacaQuote(m.Symbol, m.BidPrice.Value, m.BidSize.Value, m.AskPrice.Value, m.AskSize.Value, m.TimestampNs.Value));
                break;
            case "b" or "d" or "u":
                if (m.Symbol is null || m.Open is null || m.High is null || m.Low is null || m.Close is null || m.Volume is null || m.TimestampNs is null)
                {
                    handler.OnMalformed($"bar without S, o, h, l, c, v or t ({m.Symbol})");
                    break;
                }

                handler.OnBar(new AlpacaBar(m.Type, m.Symbol, m.Open.Value, m.High.Value, m.Low.Value, m.Close.Value, m.Volume.Value, m.TimestampNs.Value));
                break;
            case "s" or "c" or "x" or "l" or "n":
                // trading status, trade corrections and cancels, LULD bands, news: read, not traded on
                handler.OnOther(m.Type, m.Symbol);
                break;
            case null:
                handler.OnMalformed("message without \"T\"");
                break;
            default:
                handler.OnMalformed($"unknown message type \"{m.Type}\"");
                break;
        }
    }

    private static AlpacaStreamMessage ReadMessage(ref Utf8JsonReader reader)
    {
        var m = new AlpacaStreamMessage();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                throw new JsonException("expected a property name");
            }

            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "T": m.Type = String(ref reader); break;
                case "msg": m.Msg = String(ref reader); break;
                case "code": m.Code = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int code) ? code : null; break;
                case "S": m.Symbol = String(ref reader); break;
                case "i": m.TradeId = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long id) ? id : null; break;
                case "x": m.Exchange = String(ref reader); break;
                case "z": m.Tape = String(ref reader); break;
                case "p": m.Price = FixedPoint(ref reader); break;
                case "s": m.Size = Quantity(ref reader); break;
                case "bp": m.BidPrice = FixedPoint(ref reader); break;
                case "bs": m.BidSize = Quantity(ref reader); break;
                case "ap": m.AskPrice = FixedPoint(ref reader); break;
                case "as": m.AskSize = Quantity(ref reader); break;
                case "o": m.Open = FixedPoint(ref reader); break;
                case "h": m.High = FixedPoint(ref reader); break;
                case "l": m.Low = FixedPoint(ref reader); break;
                case "c" when reader.TokenType == JsonTokenType.Number: m.Close = FixedPoint(ref reader); break;
                case "v": m.Volume = Quantity(ref reader); break;
                case "t": m.TimestampNs = reader.TokenType == JsonTokenType.String ? Timestamp(reader.ValueSpan) : null; break;
                case "trades": m.Trades = Strings(ref reader); break;
                case "quotes": m.Quotes = Strings(ref reader); break;
                case "bars": m.Bars = Strings(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return m;
    }

    private static string? String(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String ? reader.GetString() : null;

    private static string[]? Strings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                list.Add(reader.GetString()!);
            }
        }

        return [.. list];
    }

    /// <summary>A JSON number as fixed-point 10^-8, exactly; null when it is not a number, has more than 8 decimals' worth of precision or does not fit.</summary>
    private static long? FixedPoint(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out decimal value) ? AlpacaNumbers.FixedPoint(value) : null;

    private static long? Quantity(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out decimal value) ? AlpacaNumbers.Quantity(value) : null;

    /// <summary>RFC 3339 UTC ("2021-02-22T15:51:44.208123456Z" or with an offset) to epoch nanoseconds, all 9 digits kept.</summary>
    internal static long? Timestamp(ReadOnlySpan<byte> text)
    {
        // split off the fraction so DateTimeOffset (100 ns ticks) does not round the nanoseconds away
        int dot = text.IndexOf((byte)'.');
        long fractionNs = 0;
        Span<char> buffer = stackalloc char[40];
        if (text.Length > buffer.Length)
        {
            return null;
        }

        int written;
        if (dot >= 0)
        {
            int end = dot + 1;
            while (end < text.Length && text[end] is >= (byte)'0' and <= (byte)'9')
            {
                end++;
            }

            int digits = end - dot - 1;
            if (digits is 0 or > 9 || !Utf8Parser.TryParse(text[(dot + 1)..end], out long fraction, out int consumed) || consumed != digits)
            {
                return null;
            }

            for (int i = digits; i < 9; i++)
            {
                fraction *= 10;
            }

            fractionNs = fraction;
            written = 0;
            foreach (byte b in text[..dot])
            {
                buffer[written++] = (char)b;
            }

            foreach (byte b in text[end..])
            {
                buffer[written++] = (char)b;
            }
        }
        else
        {
            written = 0;
            foreach (byte b in text)
            {
                buffer[written++] = (char)b;
            }
        }

        if (!DateTimeOffset.TryParse(buffer[..written], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at))
        {
            return null;
        }

        return ((at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100) + fractionNs;
    }
}
