using Llt.Hotpath.Config;

namespace Llt.Hotpath.Strategies;

/// <summary>Creates a strategy instance for a config entry whose <c>type</c> it was registered under.</summary>
public delegate Strategy StrategyFactory(StrategyConfig config);
