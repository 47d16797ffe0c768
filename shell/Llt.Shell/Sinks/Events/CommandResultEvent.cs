using Llt.Sbe;

namespace Llt.Shell.Sinks.Events;

/// <summary>CommandResult: what the engine did with a control command (applied or rejected, and why).</summary>
public sealed record CommandResultEvent(
    long Sequence,
    long TimestampNs,
    long CorrelationId,
    int CommandTemplateId,
    CommandStatus Status,
    RejectReason RejectReason,
    long ResultTs,
    string Text) : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => "CommandResult";
}
