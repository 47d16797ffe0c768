using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Llt.Shell.Commands.Feed;

/// <summary>
/// Writes one JSON object per line to a stream through a reused <see cref="Utf8JsonWriter"/> (no reflection),
/// buffering lines and flushing in blocks. Also holds the value formatting every feed shares: fixed-point prices
/// as JSON decimals, nanosecond timestamps with their ISO-8601 form, space-padded ASCII fields as trimmed strings.
/// </summary>
public sealed class JsonLineSink : IDisposable
{
    private const int FlushThreshold = 64 * 1024;

    // DateTime's range (years 0001..9999) in seconds from the epoch: a garbage timestamp prints, it does not throw
    private const long MinEpochSeconds = -62_135_596_800;
    private const long MaxEpochSeconds = 253_402_300_799;

    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(2 * FlushThreshold);
    private readonly Utf8JsonWriter _writer;
    private long _lines;

    public JsonLineSink(Stream output)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = false });
    }

    /// <summary>The writer for the current line, positioned inside the object <see cref="BeginLine"/> started.</summary>
    public Utf8JsonWriter Writer => _writer;

    public long Lines => _lines;

    public void BeginLine() => _writer.WriteStartObject();

    public void EndLine()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        _writer.Reset(_buffer);
        _lines++;
        if (_buffer.WrittenCount >= FlushThreshold)
        {
            Flush();
        }
    }

    public void Flush()
    {
        _output.Write(_buffer.WrittenSpan);
        _buffer.Clear();
        _output.Flush();
    }

    /// <summary>A fixed-point value with <paramref name="decimals"/> implied decimals as an exact JSON number (24.19, not 24.1900).</summary>
    public void WritePrice(string name, long raw, int decimals) => _writer.WriteNumber(name, ToDecimal(raw, decimals));

    /// <summary>Nanoseconds since the POSIX epoch as <c>name</c> (the number) and <c>nameIso</c> (UTC, nanosecond digits).</summary>
    public void WriteEpochTimestamp(string name, long nanoseconds)
    {
        _writer.WriteNumber(name, nanoseconds);
        _writer.WriteString(name + "Iso", EpochIso(nanoseconds));
    }

    /// <summary>Nanoseconds since midnight (ITCH) as <c>name</c> and <c>nameIso</c> (time of day, nanosecond digits).</summary>
    public void WriteTimeOfDay(string name, long nanoseconds)
    {
        _writer.WriteNumber(name, nanoseconds);
        _writer.WriteString(name + "Iso", TimeOfDayIso(nanoseconds));
    }

    /// <summary>A one-byte code as a one-character string ('O', 'H', ...); a NUL or non-printable byte as its number.</summary>
    public void WriteCode(string name, byte code)
    {
        if (code is >= 0x20 and < 0x7F)
        {
            Span<char> text = [(char)code];
            _writer.WriteString(name, text);
        }
        else
        {
            _writer.WriteNumber(name, code);
        }
    }

    /// <summary>A space-padded ASCII field, trailing spaces (and NULs) removed.</summary>
    public void WriteAscii(string name, ReadOnlySpan<byte> ascii)
    {
        int length = ascii.Length;
        while (length > 0 && (ascii[length - 1] == (byte)' ' || ascii[length - 1] == 0))
        {
            length--;
        }

        // Latin-1 maps every byte to a char, so a corrupt (non-ASCII, invalid UTF-8) field prints instead of throwing
        _writer.WriteString(name, Encoding.Latin1.GetString(ascii[..length]));
    }

    public void Dispose()
    {
        Flush();
        _writer.Dispose();
    }

    public static decimal ToDecimal(long raw, int decimals)
    {
        decimal value = raw;
        for (int i = 0; i < decimals; i++)
        {
            value /= 10m;
        }

        // division keeps trailing zeros' scale only where needed; normalise so 24.1900 prints as 24.19
        return value / 1.0000000000000000000000000000m;
    }

    public static string EpochIso(long nanoseconds)
    {
        long seconds = Math.DivRem(nanoseconds, 1_000_000_000L, out long fraction);
        if (fraction < 0)
        {
            seconds--;
            fraction += 1_000_000_000L;
        }

        if (seconds < MinEpochSeconds || seconds > MaxEpochSeconds)
        {
            return "out of range";
        }

        DateTime time = DateTime.UnixEpoch.AddSeconds(seconds);
        return time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." + fraction.ToString("D9", CultureInfo.InvariantCulture) + "Z";
    }

    public static string TimeOfDayIso(long nanoseconds)
    {
        long seconds = Math.DivRem(nanoseconds, 1_000_000_000L, out long fraction);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{seconds / 3600:D2}:{seconds / 60 % 60:D2}:{seconds % 60:D2}.{fraction:D9}");
    }
}
