using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Llt.Hotpath.Ipc;

namespace Llt.Shell.Commands;

/// <summary>`llt ring …`: look at IPC ring files (md.ring, cmd.ring) without disturbing producers or the consumer.</summary>
internal static class RingCommands
{
    private const int ExitOk = 0;
    private const int ExitBadFile = 2;

    public static Command Create()
    {
        var ring = new Command("ring", "Inspect IPC ring buffer files (Agrona layout, /dev/shm)");
        ring.Subcommands.Add(CreateInspect());
        return ring;
    }

    private static Command CreateInspect()
    {
        var file = new Argument<string>("file") { Description = "Ring file, e.g. /dev/shm/llt-md.ring" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text" };
        var inspect = new Command("inspect", "Print capacity, head, tail, pending bytes, consumer heartbeat age and correlation counter");
        inspect.Arguments.Add(file);
        inspect.Options.Add(json);
        inspect.SetAction(parseResult => Inspect(parseResult.GetValue(file)!, parseResult.GetValue(json)));
        return inspect;
    }

    private static int Inspect(string path, bool json)
    {
        RingBufferFile ring;
        try
        {
            // read-only mapping, after size, magic, version and position checks: a bad file is never used
            ring = RingBufferFile.OpenReadOnly(path);
        }
        catch (Exception error) when (error is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"llt ring inspect: {error.Message}");
            return ExitBadFile;
        }

        using (ring)
        {
            long head = ring.HeadPosition;
            long tail = ring.TailPosition;
            long heartbeatMs = ring.ConsumerHeartbeatTimeMs;
            long? heartbeatAgeMs = heartbeatMs == 0 ? null : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - heartbeatMs;
            if (json)
            {
                WriteJson(ring, head, tail, heartbeatMs, heartbeatAgeMs);
            }
            else
            {
                WriteText(ring, head, tail, heartbeatMs, heartbeatAgeMs);
            }
        }

        return ExitOk;
    }

    private static void WriteText(RingBufferFile ring, long head, long tail, long heartbeatMs, long? heartbeatAgeMs)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"file                  {ring.Path}"));
        Console.WriteLine(string.Create(c, $"capacity              {ring.Capacity} bytes (max message {RingBufferDescriptor.MaxMessageLength(ring.Capacity)} bytes)"));
        Console.WriteLine(string.Create(c, $"head                  {head}"));
        Console.WriteLine(string.Create(c, $"tail                  {tail}"));
        Console.WriteLine(string.Create(c, $"pending               {tail - head} bytes ({100.0 * (tail - head) / ring.Capacity:F1}% full)"));
        Console.WriteLine(heartbeatAgeMs is null
            ? "consumer heartbeat    never"
            : string.Create(c, $"consumer heartbeat    {heartbeatAgeMs} ms ago ({DateTimeOffset.FromUnixTimeMilliseconds(heartbeatMs):O})"));
        Console.WriteLine(string.Create(c, $"correlation counter   {ring.CorrelationCounter}"));
        Console.WriteLine(string.Create(c, $"corrupt records       {ring.CorruptRecordCount}"));
    }

    private static void WriteJson(RingBufferFile ring, long head, long tail, long heartbeatMs, long? heartbeatAgeMs)
    {
        using Stream stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("file", ring.Path);
            writer.WriteNumber("capacity", ring.Capacity);
            writer.WriteNumber("maxMessageLength", RingBufferDescriptor.MaxMessageLength(ring.Capacity));
            writer.WriteNumber("head", head);
            writer.WriteNumber("tail", tail);
            writer.WriteNumber("pendingBytes", tail - head);
            writer.WriteNumber("consumerHeartbeatMs", heartbeatMs);
            if (heartbeatAgeMs is long age)
            {
                writer.WriteNumber("consumerHeartbeatAgeMs", age);
            }
            else
            {
                writer.WriteNull("consumerHeartbeatAgeMs");
            }

            writer.WriteNumber("correlationCounter", ring.CorrelationCounter);
            writer.WriteNumber("corruptRecords", ring.CorruptRecordCount);
            writer.WriteEndObject();
        }

        stdout.WriteByte((byte)'\n');
    }
}
