using Llt.Sbe;

namespace Llt.Shell.Sinks.Events;

/// <summary>One fill inside an ExecutionReport (fee negative = rebate).</summary>
public sealed record ExecutionFill(long LastPx, long LastQty, long Fee, long TradeId, Liquidity Liquidity);
