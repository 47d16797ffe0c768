namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// Receives events from <see cref="MarketSimulator.Generate{THandler}"/>. Implement on a struct so the call is
/// devirtualised and inlined.
/// </summary>
/// <example>
/// <code>
/// struct Counter : ISimulatedEventHandler { public long Trades; public void OnEvent(in SimulatedEvent e) { if (e.Kind == SimulatedEventKind.Trade) Trades++; } }
/// var counter = new Counter();
/// simulator.Generate(ref counter, 10_000);
/// </code>
/// </example>
public interface ISimulatedEventHandler
{
    void OnEvent(in SimulatedEvent simulatedEvent);
}
