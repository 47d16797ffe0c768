using Llt.Hotpath.Journal;

namespace Llt.Hotpath.Tests.Journal;

internal static class JournalTestSupport
{
    public static JournalOptions Options(string directory, long segmentLength = 64 * 1024) => new()
    {
        Directory = directory,
        SegmentLength = segmentLength,
        PreTouch = false,
    };

    /// <summary>Payload whose bytes encode the sequence it is written with, so readers can check content.</summary>
    public static byte[] Payload(long sequence, int length)
    {
        var payload = new byte[length];
        for (int i = 0; i < length; i++)
        {
            payload[i] = (byte)((sequence * 31) + i);
        }

        return payload;
    }

    public static void AppendFrames(ExclusiveJournalWriter writer, int count, int payloadLength)
    {
        for (int i = 0; i < count; i++)
        {
            long sequence = writer.NextSequence;
            long result = writer.Append(type: (int)(sequence % 100), Payload(sequence, payloadLength), timestampNs: sequence * 1000);
            Assert.True(result > 0, $"append failed with {result}");
        }
    }

    public static List<(long Sequence, long Position, int Type, long TimestampNs, byte[] Payload)> ReadAll(JournalTailer tailer)
    {
        var frames = new List<(long, long, int, long, byte[])>();
        while (tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
        {
            frames.Add((frame.Sequence, frame.Position, frame.Type, frame.TimestampNs, frame.Payload.ToArray()));
        }

        return frames;
    }

    public static string SegmentPath(string directory, long index) => JournalDescriptor.SegmentPath(directory, index);
}
