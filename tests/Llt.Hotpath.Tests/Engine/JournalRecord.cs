namespace Llt.Hotpath.Tests.Engine;

/// <summary>A journal frame copied out of the mapped segment, so tests can keep it.</summary>
internal sealed record JournalRecord(long Sequence, int Type, byte[] Payload);
