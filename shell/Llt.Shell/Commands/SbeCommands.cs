using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using Llt.Codecs.Otf;
using Llt.Codecs.Schema;

namespace Llt.Shell.Commands;

/// <summary>
/// <c>llt sbe decode|encode</c>: SBE messages of any schema to JSON lines and back, through the on-the-fly codec
/// (<see cref="OtfDecoder"/>, <see cref="OtfEncoder"/>). Exit codes: 0 ok, 1 bad input data (malformed binary, bad
/// JSON, unreadable input), 2 bad schema or usage. The JSON shape is described in docs/SBE-OTF.md.
/// </summary>
public static class SbeCommands
{
    private const int ExitOk = 0;
    private const int ExitBadInput = 1;
    private const int ExitBadSchemaOrUsage = 2;

    public static Command Create() => Create(SbeConsole.Standard());

    /// <summary>Builds the command group over the given streams (tests pass memory streams).</summary>
    public static Command Create(SbeConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var sbe = new Command("sbe", "decode SBE messages to JSON and encode JSON to SBE, driven by a schema file");
        sbe.Subcommands.Add(CreateDecode(console));
        sbe.Subcommands.Add(CreateEncode(console));
        return sbe;
    }

    private static Command CreateDecode(SbeConsole console)
    {
        var schema = new Option<string>("--schema") { Required = true, Description = "SBE XML schema file" };
        var file = new Argument<string>("file")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "binary file of consecutive messages; '-' or absent for stdin",
        };
        var hex = new Option<string>("--hex") { Description = "the messages as hex digits instead of FILE (whitespace ignored)" };
        var decode = new Command("decode", "print each message in the input as one JSON object per line");
        decode.Options.Add(schema);
        decode.Arguments.Add(file);
        decode.Options.Add(hex);
        decode.SetAction(parseResult => RunDecode(
            console, parseResult.GetValue(schema)!, parseResult.GetValue(file), parseResult.GetValue(hex)));
        return decode;
    }

    private static Command CreateEncode(SbeConsole console)
    {
        var schema = new Option<string>("--schema") { Required = true, Description = "SBE XML schema file" };
        var message = new Option<string>("--message") { Description = "message name (default: each object's $header.message)" };
        var hex = new Option<bool>("--hex") { Description = "print each message as a line of hex instead of raw bytes" };
        var encode = new Command("encode", "read JSON on stdin (one object, or one per line) and write the SBE binary to stdout");
        encode.Options.Add(schema);
        encode.Options.Add(message);
        encode.Options.Add(hex);
        encode.SetAction(parseResult => RunEncode(
            console, parseResult.GetValue(schema)!, parseResult.GetValue(message), parseResult.GetValue(hex)));
        return encode;
    }

    private static int RunDecode(SbeConsole console, string schemaPath, string? file, string? hex)
    {
        MessageSchema? schema = LoadSchema(console, schemaPath);
        if (schema == null)
        {
            return ExitBadSchemaOrUsage;
        }

        if (hex != null && file != null)
        {
            console.Error.WriteLine("error: give FILE or --hex, not both");
            return ExitBadSchemaOrUsage;
        }

        byte[] input;
        try
        {
            input = hex != null ? ParseHex(hex) : ReadInput(console, file);
        }
        catch (FormatException)
        {
            console.Error.WriteLine("error: --hex is not an even number of hex digits");
            return ExitBadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine("error: cannot read '" + file + "': " + e.Message);
            return ExitBadInput;
        }

        var decoder = new OtfDecoder(schema);
        Stream output = console.OpenOutput();
        using var writer = new Utf8JsonWriter(output);
        int offset = 0;
        try
        {
            while (offset < input.Length)
            {
                // A message is printed only once decoded whole; earlier messages stay printed when a later one is bad.
                writer.Reset();
                offset += decoder.Decode(input, offset, writer);
                writer.Flush();
                output.WriteByte((byte)'\n');
            }
        }
        catch (OtfDecodeException e)
        {
            output.Flush();
            console.Error.WriteLine(e.Message);
            return ExitBadInput;
        }

        output.Flush();
        return ExitOk;
    }

    private static int RunEncode(SbeConsole console, string schemaPath, string? messageName, bool hex)
    {
        MessageSchema? schema = LoadSchema(console, schemaPath);
        if (schema == null)
        {
            return ExitBadSchemaOrUsage;
        }

        if (messageName != null && schema.FindMessage(messageName) == null)
        {
            console.Error.WriteLine("error: unknown message '" + messageName + "' in schema '" + schema.Package + "'");
            return ExitBadSchemaOrUsage;
        }

        byte[] input;
        try
        {
            input = ReadInput(console, null);
        }
        catch (IOException e)
        {
            console.Error.WriteLine("error: cannot read stdin: " + e.Message);
            return ExitBadInput;
        }

        // Everything is encoded before anything is written: a half-written binary stream is worse than none.
        var encoder = new OtfEncoder(schema);
        var encoded = new ArrayBufferWriter<byte>(4096);
        var lengths = new List<int>();
        var reader = new Utf8JsonReader(input, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            while (reader.Read())
            {
                using JsonDocument document = JsonDocument.ParseValue(ref reader);
                try
                {
                    lengths.Add(encoder.Encode(document.RootElement, messageName, encoded));
                }
                catch (OtfEncodeException e)
                {
                    console.Error.WriteLine("error: message " + (lengths.Count + 1) + ": " + e.Message);
                    return ExitBadInput;
                }
            }
        }
        catch (JsonException e)
        {
            console.Error.WriteLine("error: message " + (lengths.Count + 1) + ": invalid JSON: " + e.Message);
            return ExitBadInput;
        }

        Stream output = console.OpenOutput();
        if (hex)
        {
            int start = 0;
            foreach (int length in lengths)
            {
                output.Write(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(encoded.WrittenSpan.Slice(start, length)) + "\n"));
                start += length;
            }
        }
        else
        {
            output.Write(encoded.WrittenSpan);
        }

        output.Flush();
        return ExitOk;
    }

    private static MessageSchema? LoadSchema(SbeConsole console, string path)
    {
        try
        {
            return SchemaParser.ParseFile(path);
        }
        catch (SchemaException e)
        {
            console.Error.WriteLine(e.LineNumber > 0 ? e.FileName + ":" + e.LineNumber + ": " + e.Problem : e.FileName + ": " + e.Problem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine("error: cannot read schema '" + path + "': " + e.Message);
        }

        return null;
    }

    private static byte[] ReadInput(SbeConsole console, string? file)
    {
        if (file != null && file != "-")
        {
            return File.ReadAllBytes(file);
        }

        using Stream input = console.OpenInput();
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static byte[] ParseHex(string hex)
    {
        var digits = new StringBuilder(hex.Length);
        foreach (char c in hex)
        {
            if (!char.IsWhiteSpace(c))
            {
                digits.Append(c);
            }
        }

        return Convert.FromHexString(digits.ToString());
    }
}
