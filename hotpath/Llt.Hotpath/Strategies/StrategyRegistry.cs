using Llt.Hotpath.Config;

namespace Llt.Hotpath.Strategies;

/// <summary>
/// Strategy implementations by type name, as config's <c>strategies[].type</c> names them. The built-ins
/// are registered by the engine at start-up; a custom strategy compiled into the engine registers
/// itself the same way (see docs/STRATEGY_GUIDE.md). Reflection-free, so Native AOT keeps every type.
/// </summary>
public sealed class StrategyRegistry
{
    private readonly Dictionary<string, StrategyFactory> _factories = new(StringComparer.Ordinal);

    public IEnumerable<string> TypeNames => _factories.Keys;

    public StrategyRegistry Register(string typeName, StrategyFactory factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_factories.TryAdd(typeName, factory))
        {
            throw new ArgumentException($"strategy type '{typeName}' is already registered", nameof(typeName));
        }

        return this;
    }

    public bool IsRegistered(string typeName) => _factories.ContainsKey(typeName);

    /// <summary>Creates the strategy for <paramref name="config"/>; an unknown type names the config key.</summary>
    public Strategy Create(StrategyConfig config, int index)
    {
        if (!_factories.TryGetValue(config.Type, out StrategyFactory? factory))
        {
            throw new ConfigException($"strategies[{index}].type",
                $"unknown strategy type '{config.Type}'; registered: {string.Join(", ", _factories.Keys.Order(StringComparer.Ordinal))}");
        }

        return factory(config);
    }
}
