namespace Llt.Hotpath.Tests.Ipc;

/// <summary>A record as a test handler saw it, copied out of the ring.</summary>
internal sealed record RecordedMessage(int MsgTypeId, byte[] Payload);
