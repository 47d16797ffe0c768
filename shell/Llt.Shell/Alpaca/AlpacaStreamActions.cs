using System.Buffers;
using System.Text.Json;
using Llt.Shell.Alpaca.MessagePack;

namespace Llt.Shell.Alpaca;

/// <summary>
/// The client's messages to the stream (auth, subscribe) in the encoding the server speaks on this connection: a
/// JSON text frame, or a MessagePack map in a binary frame when the server answered in MessagePack (as Alpaca's
/// own SDKs send them). The keys are the same in both.
/// </summary>
internal static class AlpacaStreamActions
{
    public static byte[] Auth(AlpacaStreamOptions options, AlpacaStreamFormat format)
    {
        if (format == AlpacaStreamFormat.MessagePack)
        {
            var buffer = new ArrayBufferWriter<byte>(128);
            var w = new MessagePackWriter(buffer);
            w.WriteMapHeader(3);
            w.WriteString("action");
            w.WriteString("auth");
            w.WriteString("key");
            w.WriteString(options.KeyId);
            w.WriteString("secret");
            w.WriteString(options.SecretKey);
            return buffer.WrittenSpan.ToArray();
        }

        var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("action", "auth");
            json.WriteString("key", options.KeyId);
            json.WriteString("secret", options.SecretKey);
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static byte[] Subscribe(AlpacaStreamOptions options, AlpacaStreamFormat format)
    {
        if (format == AlpacaStreamFormat.MessagePack)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            var w = new MessagePackWriter(buffer);
            w.WriteMapHeader(4);
            w.WriteString("action");
            w.WriteString("subscribe");
            WriteList(w, "trades", options.Trades);
            WriteList(w, "quotes", options.Quotes);
            WriteList(w, "bars", options.Bars);
            return buffer.WrittenSpan.ToArray();
        }

        var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("action", "subscribe");
            WriteList(json, "trades", options.Trades);
            WriteList(json, "quotes", options.Quotes);
            WriteList(json, "bars", options.Bars);
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteList(MessagePackWriter w, string name, IReadOnlyList<string> symbols)
    {
        w.WriteString(name);
        w.WriteArrayHeader(symbols.Count);
        foreach (string symbol in symbols)
        {
            w.WriteString(symbol);
        }
    }

    private static void WriteList(Utf8JsonWriter w, string name, IReadOnlyList<string> symbols)
    {
        w.WriteStartArray(name);
        foreach (string symbol in symbols)
        {
            w.WriteStringValue(symbol);
        }

        w.WriteEndArray();
    }
}
