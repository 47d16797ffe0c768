using Llt.Hotpath.Memory;

namespace Llt.Hotpath.Ipc;

/// <summary>Delegate form of <see cref="IMessageHandler"/> for code off the hot path (one indirect call per record).</summary>
public delegate void MessageHandler(int msgTypeId, UnsafeBuffer buffer, int index, int length);
