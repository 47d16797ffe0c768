using Llt.Sbe;

namespace Llt.Shell.Sinks.Events;

/// <summary>RouteDecision: how the smart order router split a parent order across venues.</summary>
public sealed record RouteDecisionEvent(
    long Sequence,
    long TimestampNs,
    long ParentClOrdId,
    int InstrumentId,
    Side Side,
    long Qty,
    long DecisionTs,
    IReadOnlyList<RouteLeg> Legs) : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => "RouteDecision";
}
