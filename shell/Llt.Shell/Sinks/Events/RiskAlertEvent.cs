using Llt.Sbe;

namespace Llt.Shell.Sinks.Events;

/// <summary>A RiskAlert: a limit breached or a metric over its threshold.</summary>
public sealed record RiskAlertEvent(
    long Sequence,
    long TimestampNs,
    BreachType BreachType,
    Severity Severity,
    int? StrategyId,
    int? InstrumentId,
    long Value,
    long LimitValue,
    long AlertTs,
    string Text) : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => "RiskAlert";
}
