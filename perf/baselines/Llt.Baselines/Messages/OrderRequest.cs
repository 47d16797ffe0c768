namespace Llt.Baselines.Messages;

/// <summary>A strategy's decision: an immediate-or-cancel limit order at the touch, before risk.</summary>
/// <param name="TickReceivedTimestamp">Receive time of the tick that triggered it (Stopwatch ticks).</param>
public sealed record OrderRequest(string Strategy, int InstrumentId, OrderSide Side, long Quantity, decimal LimitPrice, bool IsExit, long TickReceivedTimestamp);
