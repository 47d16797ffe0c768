using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Ipc;

/// <summary>
/// Receives records from <see cref="RingBuffer.ControlledRead{THandler}(ref THandler, int)"/> and steers the
/// read with its return value. Implement on a struct for a devirtualised, inlined call:
/// <code>
/// struct UntilType : IControlledMessageHandler
/// {
///     public ControlledReadAction OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length) =&gt;
///         msgTypeId == 7 ? ControlledReadAction.Break : ControlledReadAction.Continue;
/// }
/// </code>
/// </summary>
public interface IControlledMessageHandler
{
    ControlledReadAction OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length);
}
