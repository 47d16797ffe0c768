using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Llt.Hotpath.Journal;

/// <summary>
/// Prints one line per frame for the journal tools: as JSON
/// (<c>{"sequence":1,"position":128,"type":7,"timestampNs":..,"length":64,"payloadHex":".."}</c>) or as text
/// (<c>seq=1 pos=128 type=7 tsNs=.. len=64 {"payloadHex":".."}</c>). The payload part comes from an
/// <see cref="IJournalPayloadFormatter"/>. Not for the hot path: it allocates strings.
/// </summary>
public sealed class JournalFramePrinter
{
    private readonly TextWriter _output;
    private readonly IJournalPayloadFormatter _formatter;
    private readonly bool _json;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public JournalFramePrinter(TextWriter output, IJournalPayloadFormatter formatter, bool json)
    {
        _output = output;
        _formatter = formatter;
        _json = json;
    }

    public void Print(in JournalFrame frame)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer))
        {
            json.WriteStartObject();
            if (_json)
            {
                json.WriteNumber("sequence", frame.Sequence);
                json.WriteNumber("position", frame.Position);
                json.WriteNumber("type", frame.Type);
                json.WriteNumber("timestampNs", frame.TimestampNs);
                json.WriteNumber("length", frame.Payload.Length);
            }

            _formatter.WritePayload(json, frame.Type, frame.Payload);
            json.WriteEndObject();
        }

        string payloadJson = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        if (_json)
        {
            _output.WriteLine(payloadJson);
            return;
        }

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seq={frame.Sequence} pos={frame.Position} type={frame.Type} tsNs={frame.TimestampNs} len={frame.Payload.Length} {payloadJson}"));
    }
}
