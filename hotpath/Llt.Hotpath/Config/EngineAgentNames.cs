namespace Llt.Hotpath.Config;

/// <summary>Role names of the engine's agents, as written in the config's <c>engine.threads[].agents</c>.</summary>
public static class EngineAgentNames
{
    public const string MarketData = "market-data";
    public const string Control = "control";
    public const string Conductor = "conductor";

    public static readonly string[] All = [MarketData, Control, Conductor];
}
