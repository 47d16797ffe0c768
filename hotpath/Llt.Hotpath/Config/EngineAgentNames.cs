namespace Llt.Hotpath.Config;

/// <summary>Role names of the engine's agents, as written in the config's <c>engine.threads[].agents</c>.</summary>
public static class EngineAgentNames
{
    public const string Feed = "feed";
    public const string MarketData = "market-data";
    public const string Control = "control";
    public const string Conductor = "conductor";
    public const string Gateway = "gateway";

    public static readonly string[] All = [Feed, MarketData, Gateway, Control, Conductor];

    /// <summary>Agents that append to the journal: they must share one thread (single writer).</summary>
    public static readonly string[] Journaling = [MarketData, Control, Conductor];
}
