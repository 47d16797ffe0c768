namespace Llt.Baselines.Messages;

/// <summary>The outcome of a request, fed back to the strategy stage: filled (quantity &gt; 0) or rejected.</summary>
public sealed record ExecutionReport(string Strategy, int InstrumentId, OrderSide Side, long FilledQuantity, decimal Price, bool Rejected, string? Reason);
