using System.CommandLine;
using System.IO.Compression;

namespace Llt.Shell.Commands.Feed;

/// <summary>
/// <c>llt feed decode --format itch50|iex-tops|iex-deep|iex-deepplus FILE</c>: every message of a feed file as
/// one JSON object per line on stdout (field names as in the protocol specification, camelCase; prices as
/// decimals; timestamps as nanoseconds plus ISO time). FILE is a pcap or pcapng capture or a raw file, told apart
/// by its magic number, optionally gzip-compressed (IEX and NASDAQ publish .gz). Bad or truncated input is
/// reported on stderr and counted; the exit code is non-zero only when the file cannot be read at all
/// (1) or the arguments are wrong (2).
/// </summary>
public static class FeedCommands
{
    /// <summary>Largest file decoded: captures are read whole into memory and addressed by 32-bit offsets.</summary>
    public const long MaxFileBytes = int.MaxValue;

    public static Command Create() => Create(Console.OpenStandardOutput, Console.Error);

    /// <summary>Builds the command group over the given output (tests pass memory streams).</summary>
    public static Command Create(Func<Stream> openOutput, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(openOutput);
        ArgumentNullException.ThrowIfNull(error);
        var feed = new Command("feed", "market data feeds: decode and replay ITCH 5.0 / IEX-TP captures, the running engine's feed status");
        feed.Subcommands.Add(CreateDecode(openOutput, error));
        feed.Subcommands.Add(FeedReplayCommand.Create());
        feed.Subcommands.Add(FeedStatusCommand.Create());
        return feed;
    }

    private static Command CreateDecode(Func<Stream> openOutput, TextWriter error)
    {
        var format = new Option<string>("--format")
        {
            Required = true,
            Description = "message protocol: " + string.Join(", ", FeedFormatNames.All),
        };
        format.AcceptOnlyFromAmong(FeedFormatNames.All);
        var file = new Argument<string>("file") { Description = "pcap, pcapng or raw file (detected by its first bytes; .gz is decompressed)" };
        var decode = new Command("decode", "print every message of a feed file as one JSON object per line");
        decode.Options.Add(format);
        decode.Arguments.Add(file);
        decode.SetAction(parseResult => Run(openOutput, error, parseResult.GetValue(format), parseResult.GetValue(file)!));
        return decode;
    }

    /// <summary>The command's work, callable without the parser.</summary>
    public static int Run(Func<Stream> openOutput, TextWriter error, string? formatName, string path)
    {
        if (!FeedFormatNames.TryParse(formatName, out FeedFormat format))
        {
            error.WriteLine($"error: --format must be one of {string.Join(", ", FeedFormatNames.All)}");
            return ExitCodes.BadUsage;
        }

        byte[]? bytes = Load(path, error);
        if (bytes == null)
        {
            return ExitCodes.Failed;
        }

        var report = new FeedDecodeReport(error);
        using Stream output = openOutput();
        long messages;
        using (var sink = new JsonLineSink(output))
        {
            messages = FeedDecoder.Decode(format, bytes, sink, report);
        }

        report.WriteSummary(messages);
        return ExitCodes.Ok;
    }

    /// <summary>The file's bytes (decompressed when gzip), or null after writing why it cannot be read.</summary>
    private static byte[]? Load(string path, TextWriter error)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                error.WriteLine($"error: {path}: no such file");
                return null;
            }

            if (info.Length > MaxFileBytes)
            {
                error.WriteLine($"error: {path}: {info.Length} bytes; files over {MaxFileBytes} bytes are not supported (split the capture)");
                return null;
            }

            byte[] bytes = File.ReadAllBytes(path);
            return IsGzip(bytes) ? Gunzip(bytes, path, error) : bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"error: {path}: cannot read: {e.Message}");
            return null;
        }
    }

    private static bool IsGzip(byte[] bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    private static byte[]? Gunzip(byte[] bytes, string path, TextWriter error)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        try
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxFileBytes)
                {
                    error.WriteLine($"error: {path}: decompresses to over {MaxFileBytes} bytes, which is not supported (split the capture)");
                    return null;
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            // a cut .gz still yields what was decompressed before the damage
            error.WriteLine($"warning: {path}: gzip data damaged after {output.Length} bytes ({e.Message}); decoding what came before");
        }

        return output.ToArray();
    }
}
