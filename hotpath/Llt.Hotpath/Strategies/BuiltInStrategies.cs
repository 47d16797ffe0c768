using Llt.Hotpath.Strategies.Examples;
using Llt.Hotpath.Strategies.MeanReversion;
using Llt.Hotpath.Strategies.MomentumBreakout;

namespace Llt.Hotpath.Strategies;

/// <summary>The strategy types that ship with the engine, by the names config uses.</summary>
public static class BuiltInStrategies
{
    public static StrategyRegistry CreateRegistry()
    {
        var registry = new StrategyRegistry();
        registry.Register(MeanReversionStrategy.TypeName, _ => new MeanReversionStrategy());
        registry.Register(MomentumBreakoutStrategy.TypeName, _ => new MomentumBreakoutStrategy());
        registry.Register(EmaCrossStrategy.TypeName, _ => new EmaCrossStrategy());
        return registry;
    }
}
