namespace Llt.Shell.Sinks.Events;

/// <summary>
/// A well-formed frame no sink stores (L2/L3 book updates, instrument status): sinks pass over it and their
/// position moves past it like any other event.
/// </summary>
public sealed record UnstoredEvent(long Sequence, long TimestampNs, int TemplateId, string MessageName)
    : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => MessageName;
}
