using System.Diagnostics;
using System.Threading.Channels;
using Llt.Baselines.Messages;

namespace Llt.Baselines.Stages;

/// <summary>
/// Pre-trade checks: the net position an order would leave per instrument (all strategies together) and the
/// number of orders approved in the last second. Rejections go back to the strategy stage.
/// </summary>
public sealed class RiskStage
{
    /// <summary>Largest absolute net position per instrument, units (the engine's per-instrument default).</summary>
    public const long MaxNetPosition = 10_000;

    public const int MaxOrdersPerSecond = 100_000;

    private readonly Dictionary<int, long> _positions = new();
    private readonly Queue<long> _recentOrders = new();
    private long _rejected;

    public long Rejected => Interlocked.Read(ref _rejected);

    public async Task RunAsync(ChannelReader<OrderRequest> input, ChannelWriter<OrderRequest> approved, ChannelWriter<ExecutionReport> rejections, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (OrderRequest request in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                string? reason = Check(request);
                if (reason is not null)
                {
                    Interlocked.Increment(ref _rejected);
                    await rejections.WriteAsync(new ExecutionReport(request.Strategy, request.InstrumentId, request.Side, 0, 0, true, reason), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await approved.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            }

            approved.Complete();
        }
        catch (Exception e)
        {
            approved.Complete(e);
            throw;
        }
    }

    private string? Check(OrderRequest request)
    {
        long now = Stopwatch.GetTimestamp();
        while (_recentOrders.Count > 0 && now - _recentOrders.Peek() > Stopwatch.Frequency)
        {
            _recentOrders.Dequeue();
        }

        if (_recentOrders.Count >= MaxOrdersPerSecond)
        {
            return "order rate";
        }

        long position = _positions.GetValueOrDefault(request.InstrumentId);
        long after = position + (request.Side == OrderSide.Buy ? request.Quantity : -request.Quantity);
        if (Math.Abs(after) > MaxNetPosition && Math.Abs(after) > Math.Abs(position))
        {
            return "position limit";
        }

        // the orders are marketable immediate-or-cancel at the touch: count them as filled when approved
        _positions[request.InstrumentId] = after;
        _recentOrders.Enqueue(now);
        return null;
    }
}
