using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Tests.Ipc;

/// <summary>Copies every delivered record into a list (tests only: it allocates).</summary>
internal struct RecordingHandler : IMessageHandler
{
    public RecordingHandler()
    {
        Messages = new List<RecordedMessage>();
    }

    public List<RecordedMessage> Messages { get; }

    public readonly void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length) =>
        Messages.Add(new RecordedMessage(msgTypeId, buffer.AsSpan(index, length).ToArray()));
}
