using System.Diagnostics;
using System.Threading.Channels;
using Llt.Baselines.Messages;

namespace Llt.Baselines.Stages;

/// <summary>
/// Creates the order, records tick-to-order (now − the tick's receive time) and, standing in for the venue,
/// fills it in full at its limit and reports the fill back to the strategy stage.
/// </summary>
public sealed class OrderStage
{
    private readonly List<LatencySample> _latencies;
    private long _nextOrderId = 1;
    private long _orders;

    public OrderStage(int expectedOrders)
    {
        _latencies = new List<LatencySample>(expectedOrders);
    }

    public long Orders => Interlocked.Read(ref _orders);

    /// <summary>Every order's tick-to-order sample; read it after the stage has completed.</summary>
    public IReadOnlyList<LatencySample> Latencies => _latencies;

    public async Task RunAsync(ChannelReader<OrderRequest> input, ChannelWriter<ExecutionReport> executions, CancellationToken cancellationToken)
    {
        await foreach (OrderRequest request in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var order = new OrderMessage { OrderId = _nextOrderId++, Request = request, CreatedTimestamp = Stopwatch.GetTimestamp() };
            _latencies.Add(new LatencySample(request.TickReceivedTimestamp, order.CreatedTimestamp - request.TickReceivedTimestamp));
            Interlocked.Increment(ref _orders);
            order.Status = OrderStatus.Filled;
            await executions.WriteAsync(new ExecutionReport(request.Strategy, request.InstrumentId, request.Side, request.Quantity, request.LimitPrice, false, null), cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
