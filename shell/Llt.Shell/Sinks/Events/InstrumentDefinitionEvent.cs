namespace Llt.Shell.Sinks.Events;

/// <summary>InstrumentDefinition: static data for one instrument (fills the instruments catalogue).</summary>
public sealed record InstrumentDefinitionEvent(
    long Sequence,
    long TimestampNs,
    int InstrumentId,
    string Symbol,
    string Exchange,
    long TickSize,
    long LotSize,
    long MaxPosition,
    long MarginRequirement) : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => "InstrumentDefinition";
}
