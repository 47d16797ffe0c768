using Llt.Hotpath.Config;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Strategies;

public sealed class StrategyHostTests : IDisposable
{
    private readonly InstrumentTable _instruments = new([new InstrumentConfig { Symbol = "A" }, new InstrumentConfig { Symbol = "B" }]);

    public void Dispose() => _instruments.Dispose();

    [Fact]
    public void Strategy_ReceivesOnlyTheEventKindsItDeclares()
    {
        StrategyHost host = Host(
            ("all", StrategyEvents.All, ["A", "B"]),
            ("quotes", StrategyEvents.Quotes, ["A", "B"]),
            ("trades", StrategyEvents.Trades, ["A"]),
            ("books", StrategyEvents.Books, ["B"]));

        host.OnQuote(new QuoteTick(0, 100, 1, 101, 1, 5, 5));
        host.OnQuote(new QuoteTick(1, 100, 1, 101, 1, 6, 6));
        host.OnTrade(new TradeTick(0, 100, 1, AggressorSide.Buy, 7, 7));
        host.OnTrade(new TradeTick(1, 100, 1, AggressorSide.Buy, 8, 8));
        host.OnBook(1, 9);
        host.OnBook(0, 10);

        Assert.Equal(["quote 0", "quote 1", "trade 0", "trade 1", "book 1", "book 0"], Recorded(host, 0));
        Assert.Equal(["quote 0", "quote 1"], Recorded(host, 1));
        Assert.Equal(["trade 0"], Recorded(host, 2));
        Assert.Equal(["book 1"], Recorded(host, 3));
    }

    [Fact]
    public void Dispatch_FollowsConfigOrder_AndStampsTheTicksReceiveTime()
    {
        StrategyHost host = Host(("first", StrategyEvents.Quotes, ["A"]), ("second", StrategyEvents.All, ["A"]));

        host.OnQuote(new QuoteTick(0, 100, 1, 101, 1, 40, 42));

        Assert.Equal(["quote 0"], Recorded(host, 0));
        Assert.Equal(["quote 0"], Recorded(host, 1));
        Assert.True(((RecordingStrategy)host[0]).Sequence < ((RecordingStrategy)host[1]).Sequence);
        Assert.Equal(42, ((RecordingStrategy)host[0]).ReceiveTsSeen);
        Assert.Equal(42, host.Context(1).CurrentReceiveTs);
    }

    [Fact]
    public void DisabledStrategy_ReceivesNoMarketData_UntilEnabledAgain_ButStillItsFills()
    {
        StrategyHost host = Host(("on", StrategyEvents.All, ["A"]), ("off", StrategyEvents.All, ["A"]));
        Assert.True(host.SetEnabled(1, false));
        Assert.False(host.IsEnabled(1));

        host.OnQuote(new QuoteTick(0, 100, 1, 101, 1, 1, 1));
        host.OnTimer(2);
        host.OnFill(1, new Fill(7, 0, Side.Buy, 100, 3, 0, 3));
        Assert.Equal(["quote 0", "timer"], Recorded(host, 0));
        Assert.Equal(["fill 0"], Recorded(host, 1));
        Assert.Equal(3, host.Context(1).Position(0));

        Assert.True(host.SetEnabled(1, true));
        host.OnTrade(new TradeTick(0, 100, 1, AggressorSide.Sell, 4, 4));
        Assert.Equal(["fill 0", "trade 0"], Recorded(host, 1));
        Assert.False(host.SetEnabled(2, true));
    }

    [Fact]
    public void ConfigDisabledStrategy_StartsDisabled()
    {
        StrategyHost host = Host(("on", StrategyEvents.All, ["A"]));
        var disabled = new StrategyHost(
            [Config("off", ["A"]) with { Enabled = false }], Registry(StrategyEvents.All), _instruments,
            new OrderIntentBuffer(4), new ClientOrderIds(1), new ManualNanoClock());

        disabled.OnQuote(new QuoteTick(0, 100, 1, 101, 1, 1, 1));
        host.OnQuote(new QuoteTick(0, 100, 1, 101, 1, 1, 1));

        Assert.False(disabled.IsEnabled(0));
        Assert.Empty(Recorded(disabled, 0));
        Assert.Equal(["quote 0"], Recorded(host, 0));
    }

    private StrategyHost Host(params (string Name, StrategyEvents Events, string[] Symbols)[] strategies)
    {
        var registry = new StrategyRegistry();
        var configs = new List<StrategyConfig>();
        foreach ((string name, StrategyEvents events, string[] symbols) in strategies)
        {
            registry.Register("recording-" + name, _ => new RecordingStrategy(events));
            configs.Add(Config(name, symbols) with { Type = "recording-" + name });
        }

        return new StrategyHost(configs, registry, _instruments, new OrderIntentBuffer(4), new ClientOrderIds(1), new ManualNanoClock());
    }

    private static StrategyRegistry Registry(StrategyEvents events) =>
        new StrategyRegistry().Register("recording", _ => new RecordingStrategy(events));

    private static StrategyConfig Config(string name, string[] symbols) => new()
    {
        Name = name,
        Type = "recording",
        Instruments = symbols,
        MaxPosition = 100,
        Parameters = new Dictionary<string, double>(),
    };

    private static List<string> Recorded(StrategyHost host, int strategyId) => ((RecordingStrategy)host[strategyId]).Seen;

    private sealed class RecordingStrategy(StrategyEvents events) : Strategy
    {
        private static long s_sequence;

        public List<string> Seen { get; } = [];

        public long Sequence { get; private set; }

        public long ReceiveTsSeen { get; private set; }

        public override StrategyEvents Events => events;

        public override void OnQuote(in QuoteTick quote) => Record("quote " + quote.InstrumentId);

        public override void OnTrade(in TradeTick trade) => Record("trade " + trade.InstrumentId);

        public override void OnBook(int instrumentId) => Record("book " + instrumentId);

        public override void OnFill(in Fill fill) => Record("fill " + fill.InstrumentId);

        public override void OnTimer(long nowNs) => Record("timer");

        private void Record(string what)
        {
            Seen.Add(what);
            Sequence = ++s_sequence;
            ReceiveTsSeen = Context.CurrentReceiveTs;
        }
    }
}
