using Llt.Sbe;

namespace Llt.Shell.Sinks.Events;

/// <summary>KillSwitchState: the kill switch latched or released, by whom (source) and why.</summary>
public sealed record KillSwitchEvent(
    long Sequence,
    long TimestampNs,
    bool Engaged,
    BreachType? BreachType,
    long CanceledOrders,
    long CorrelationId,
    long StateTs,
    string Source,
    string Reason) : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => "KillSwitchState";
}
