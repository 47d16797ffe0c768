namespace Llt.Baselines.Messages;

/// <summary>
/// One SBE-encoded market data message as a transport hands it over: the bytes and the
/// <see cref="System.Diagnostics.Stopwatch"/> timestamp at which it entered the service.
/// </summary>
public readonly record struct InboundPacket(ReadOnlyMemory<byte> Payload, long ReceivedTimestamp);
