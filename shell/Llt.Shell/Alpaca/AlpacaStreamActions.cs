using System.Buffers;
using System.Text.Json;
using Llt.Shell.Alpaca.MessagePack;

namespace Llt.Shell.Alpaca;

/// <summary>
/// The client's messages to the stream (auth, subscribe, unsubscribe) in the encoding the server speaks on this connection: a
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

    /// <summary>
    /// <c>{"action":"subscribe"|"unsubscribe","trades":[…],"quotes":[…],"bars":[…]}</c>: adds to (or removes from) the
    /// connection's subscription; the server answers with the whole subscription as it now stands.
    /// </summary>
    public static byte[] Subscription(
        string action, IReadOnlyList<string> trades, IReadOnlyList<string> quotes, IReadOnlyList<string> bars, AlpacaStreamFormat format)
    {
        if (format == AlpacaStreamFormat.MessagePack)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            var w = new MessagePackWriter(buffer);
            w.WriteMapHeader(4);
            w.WriteString("action");
            w.WriteString(action);
            WriteList(w, "trades", trades);
            WriteList(w, "quotes", quotes);
            WriteList(w, "bars", bars);
            return buffer.WrittenSpan.ToArray();
        }

        var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("action", action);
            WriteList(json, "trades", trades);
            WriteList(json, "quotes", quotes);
            WriteList(json, "bars", bars);
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
