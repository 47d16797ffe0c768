using Llt.Sbe;

namespace Llt.Hotpath.MarketData;

/// <summary>Told about every instrument <see cref="FeedSelector"/> moves to another feed (the engine journals it).</summary>
public interface IFeedSwitchListener
{
    /// <param name="fromFeedId"><see cref="FeedSelector.NoFeed"/> when no feed was active.</param>
    /// <param name="fromState">Why the old feed was left (Healthy: a preferred feed came back).</param>
    void OnSwitch(int instrumentId, int fromFeedId, int toFeedId, FeedState fromState, long nowNs);
}
