using Llt.Sbe;

namespace Llt.Shell.Hosting;

/// <summary>A control command's result: status, the engine's text, and the journal sequence of its CommandResult (0 when none).</summary>
public sealed record ControlOutcome(ControlStatus Status, long CorrelationId, string Text, long JournalSequence, RejectReason Reason, long ResultTsNs)
{
    public bool Applied => Status == ControlStatus.Applied;

    public override string ToString() => Status switch
    {
        ControlStatus.Applied => $"applied (journal seq {JournalSequence}): {Text}",
        ControlStatus.Rejected => $"rejected ({Reason}) (journal seq {JournalSequence}): {Text}",
        _ => Text,
    };
}
