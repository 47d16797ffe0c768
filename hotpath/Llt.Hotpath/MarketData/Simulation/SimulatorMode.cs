namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>How <see cref="SimulatedFeedAgent"/> releases events.</summary>
public enum SimulatorMode
{
    /// <summary>Backtests and benchmarks: each DoWork publishes a full batch, as fast as the ring accepts.</summary>
    AsFastAsPossible = 0,

    /// <summary>Paper trading and demos: a fixed number of events per second of the engine's monotonic clock.</summary>
    Paced = 1,
}
