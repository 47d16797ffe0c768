using Llt.Sbe;

namespace Llt.Shell.Hosting;

/// <summary>The latest KillSwitchState: engaged or released, by whom (operator source or a breach) and why.</summary>
public sealed record KillSwitchRow(bool Engaged, BreachType Breach, long CanceledOrders, long CorrelationId, long TsNs, string Source, string Reason);
