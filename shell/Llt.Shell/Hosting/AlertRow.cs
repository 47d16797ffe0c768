using Llt.Sbe;

namespace Llt.Shell.Hosting;

/// <summary>A RiskAlert from the journal; strategy and instrument -1 when not specific.</summary>
public sealed record AlertRow(long Sequence, BreachType Breach, Severity Severity, int StrategyId, int InstrumentId, long Value, long LimitValue, long TsNs, string Text);
