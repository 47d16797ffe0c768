using Llt.Hotpath.Risk;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Risk;

/// <summary>
/// A gate over two instruments and two strategies with every limit Unlimited. Instrument 0: tick 0.01, lot 1;
/// instrument 1: tick 0.05, lot 10. Both marked at <see cref="Px"/> so market orders and exposure can be valued.
/// </summary>
internal static class RiskGateFixture
{
    public const long Px = 100 * Hotpath.Config.FixedPoint.Scale;
    public const long Tick0 = 1_000_000;
    public const long Tick1 = 5_000_000;
    public const long NowNs = 1_000_000_000_000;

    public static RiskGate Create(RiskGateOptions? options = null)
    {
        var limits = new RiskLimits(maxInstruments: 2, maxStrategies: 2);
        var gate = new RiskGate(limits, new KillSwitch(), [Tick0, Tick1], [1, 10], strategyCount: 2, options ?? new RiskGateOptions());
        gate.OnMark(0, Px);
        gate.OnMark(1, Px);
        return gate;
    }

    public static OrderRequest Buy(long qty, long price = Px, int instrumentId = 0) => OrderRequest.Limit(instrumentId, Side.Buy, qty, price);

    public static OrderRequest Sell(long qty, long price = Px, int instrumentId = 0) => OrderRequest.Limit(instrumentId, Side.Sell, qty, price);

    public static void Set(RiskGate gate, LimitType type, LimitScope scope, int id, long value) =>
        Assert.Null(gate.SetLimit(type, scope, id, value));
}
