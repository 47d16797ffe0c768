using System.Threading.Channels;
using Llt.Baselines.Messages;
using Llt.Baselines.Stages;
using Llt.Baselines.Strategies;

namespace Llt.Baselines;

/// <summary>
/// The baseline service: parse → strategy → risk → order, each an async loop on the thread pool, joined by
/// bounded channels (execution reports return on an unbounded one). Write packets to <see cref="Input"/>,
/// then <see cref="CompleteAsync"/> to drain and stop.
/// </summary>
/// <example>
/// <code>
/// var pipeline = new BaselinePipeline(channelCapacity: 1024, expectedOrders: 100_000);
/// pipeline.Start();
/// await pipeline.Input.WriteAsync(new InboundPacket(bytes, Stopwatch.GetTimestamp()));
/// await pipeline.CompleteAsync();
/// </code>
/// </example>
public sealed class BaselinePipeline
{
    private readonly Channel<InboundPacket> _packets;
    private readonly Channel<MarketMessage> _ticks;
    private readonly Channel<OrderRequest> _requests;
    private readonly Channel<OrderRequest> _approved;
    private readonly Channel<ExecutionReport> _executions;
    private readonly CancellationTokenSource _cancellation = new();
    private Task[] _stages = [];

    public BaselinePipeline(int channelCapacity, int expectedOrders)
    {
        var options = new BoundedChannelOptions(channelCapacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait };
        _packets = Channel.CreateBounded<InboundPacket>(options);
        _ticks = Channel.CreateBounded<MarketMessage>(options);
        _requests = Channel.CreateBounded<OrderRequest>(options);
        _approved = Channel.CreateBounded<OrderRequest>(options);
        _executions = Channel.CreateUnbounded<ExecutionReport>(new UnboundedChannelOptions { SingleReader = true });
        Strategy = new StrategyStage([new MeanReversionStrategy(), new MomentumBreakoutStrategy()]);
        Order = new OrderStage(expectedOrders);
    }

    public ChannelWriter<InboundPacket> Input => _packets.Writer;

    public ParseStage Parse { get; } = new();

    public StrategyStage Strategy { get; }

    public RiskStage Risk { get; } = new();

    public OrderStage Order { get; }

    public void Start()
    {
        CancellationToken token = _cancellation.Token;
        _stages =
        [
            Task.Run(() => Parse.RunAsync(_packets.Reader, _ticks.Writer, token)),
            Task.Run(() => Strategy.RunAsync(_ticks.Reader, _executions.Reader, _requests.Writer, token)),
            Task.Run(() => Risk.RunAsync(_requests.Reader, _approved.Writer, _executions.Writer, token)),
            Task.Run(() => Order.RunAsync(_approved.Reader, _executions.Writer, token)),
        ];
    }

    /// <summary>Closes the input and waits until every stage has drained.</summary>
    public async Task CompleteAsync()
    {
        _packets.Writer.TryComplete();
        await Task.WhenAll(_stages).ConfigureAwait(false);
        _executions.Writer.TryComplete();
    }
}
