using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Ipc;

/// <summary>
/// Receives records from <see cref="RingBuffer.Read{THandler}(ref THandler, int)"/>. Implement it on a
/// struct so the JIT specialises the read loop for it and inlines the call:
/// <code>
/// struct SumHandler : IMessageHandler
/// {
///     public long Sum;
///     public void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length) =&gt; Sum += buffer.GetInt64(index);
/// }
/// var handler = new SumHandler();
/// int read = ring.Read(ref handler, 256);
/// </code>
/// The payload is valid only during the call: the ring zeroes it once the batch is consumed.
/// </summary>
public interface IMessageHandler
{
    /// <param name="msgTypeId">The record's type (≥ 1).</param>
    /// <param name="buffer">The ring's buffer; the payload is at [index, index + length).</param>
    void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length);
}
