using Llt.Hotpath.Config;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Strategies;

namespace Llt.Hotpath.Tests.Strategies;

/// <summary>
/// A bare <see cref="StrategyContext"/> (strategy 0 on SYM0 and SYM1, no host) for the tests of the types
/// strategies are built from; the intents they leave are read from <see cref="Intents"/>.
/// </summary>
internal sealed class StrategyBuildingBlockFixture : IDisposable
{
    public StrategyBuildingBlockFixture(long maxPosition = 1_000, long lotSize = 1)
    {
        Instruments = new InstrumentTable(
        [
            new InstrumentConfig { Symbol = "SYM0", LotSize = lotSize },
            new InstrumentConfig { Symbol = "SYM1", LotSize = lotSize },
        ]);
        Intents = new OrderIntentBuffer(16);
        var config = new StrategyConfig { Name = "s", Type = "any", Instruments = ["SYM0", "SYM1"], MaxPosition = maxPosition };
        Context = new StrategyContext(0, config, [0, 1], Instruments, Intents, new ClientOrderIds(1), new ManualNanoClock());
    }

    public InstrumentTable Instruments { get; }

    public OrderIntentBuffer Intents { get; }

    public StrategyContext Context { get; }

    public void Dispose() => Instruments.Dispose();
}
