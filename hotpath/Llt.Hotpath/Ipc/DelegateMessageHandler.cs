using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Ipc;

/// <summary>Adapts a <see cref="MessageHandler"/> delegate to the struct handler path without allocating.</summary>
internal readonly struct DelegateMessageHandler : IMessageHandler
{
    private readonly MessageHandler _handler;

    public DelegateMessageHandler(MessageHandler handler)
    {
        _handler = handler;
    }

    public void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length) => _handler(msgTypeId, buffer, index, length);
}
