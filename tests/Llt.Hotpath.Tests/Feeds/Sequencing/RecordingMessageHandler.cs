using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Tests.Feeds.Sequencing;

/// <summary>Keeps the sequence and first byte of every message handed on, in the order handed on.</summary>
internal struct RecordingMessageHandler : ISequencedMessageHandler
{
    public RecordingMessageHandler()
    {
    }

    public List<(long Sequence, byte First, long ReceiveTs)> Messages { get; } = [];

    public readonly void OnMessage(ReadOnlySpan<byte> message, long sequence, long receiveTimestampNs) =>
        Messages.Add((sequence, message.IsEmpty ? (byte)0 : message[0], receiveTimestampNs));
}
