using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Tests.Ipc;

/// <summary>Returns scripted actions in turn and records what it was shown, plus the head seen at each call.</summary>
internal struct ScriptedControlledHandler : IControlledMessageHandler
{
    private readonly ControlledReadAction[] _actions;
    private readonly RingBuffer _ring;
    private int _calls;

    public ScriptedControlledHandler(RingBuffer ring, params ControlledReadAction[] actions)
    {
        _ring = ring;
        _actions = actions;
        Seen = new List<int>();
        HeadsSeen = new List<long>();
    }

    public List<int> Seen { get; }

    public List<long> HeadsSeen { get; }

    public ControlledReadAction OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length)
    {
        Seen.Add(buffer.GetInt32(index));
        HeadsSeen.Add(_ring.HeadPosition);
        return _actions[_calls++];
    }
}
