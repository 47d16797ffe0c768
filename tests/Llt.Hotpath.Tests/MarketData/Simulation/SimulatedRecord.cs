namespace Llt.Hotpath.Tests.MarketData.Simulation;

/// <summary>A ring record as the simulator tests saw it, copied out of the ring.</summary>
internal sealed record SimulatedRecord(int MsgTypeId, byte[] Message);
