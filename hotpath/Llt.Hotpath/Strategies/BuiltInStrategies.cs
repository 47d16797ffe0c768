namespace Llt.Hotpath.Strategies;

/// <summary>The strategy types that ship with the engine, by the names config uses.</summary>
public static class BuiltInStrategies
{
    public static StrategyRegistry CreateRegistry()
    {
        var registry = new StrategyRegistry();
        return registry;
    }
}
