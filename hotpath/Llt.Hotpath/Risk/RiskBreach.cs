using Llt.Sbe;

namespace Llt.Hotpath.Risk;

/// <summary>
/// A limit breach configured to trip the kill switch, for the engine to journal as an alert
/// (<see cref="BreachType"/> shares its numeric values with <see cref="RejectReason"/> for 6..12).
/// <see cref="Value"/> and <see cref="Limit"/> are in the limit's units (docs/RISK_GUIDE.md).
/// </summary>
public readonly record struct RiskBreach(
    BreachType Type, int StrategyId, int InstrumentId, long Value, long Limit, long NowNs, bool EngagedKillSwitch);
