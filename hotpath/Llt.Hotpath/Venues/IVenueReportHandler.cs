namespace Llt.Hotpath.Venues;

/// <summary>
/// Receives execution reports from <see cref="SimulatedExchange.Poll{THandler}"/>. Implement on a struct and
/// pass it by ref so the call is devirtualised and nothing is boxed.
/// </summary>
/// <example>
/// <code>
/// struct Sink : IVenueReportHandler { public void OnReport(in VenueReport r) { /* encode SBE ExecutionReport */ } }
/// var sink = new Sink(); exchange.Poll(nowNs, ref sink);
/// </code>
/// </example>
public interface IVenueReportHandler
{
    void OnReport(in VenueReport report);
}
