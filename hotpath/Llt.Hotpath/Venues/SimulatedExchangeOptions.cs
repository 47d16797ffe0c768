namespace Llt.Hotpath.Venues;

/// <summary>
/// Construction-time shape of one <see cref="SimulatedExchange"/>, validated once by <see cref="Validate"/>;
/// the exchange copies the values and never reads options again (STYLE.md §6).
/// </summary>
public sealed class SimulatedExchangeOptions
{
    public int VenueId { get; init; }

    public string Name { get; init; } = "SIM";

    /// <summary>One-way time from our Submit/Cancel/Replace to the venue acting on it.</summary>
    public long EntryLatencyNs { get; init; }

    /// <summary>One-way time from a venue event (ack, fill, cancel) to the engine receiving its report.</summary>
    public long AckLatencyNs { get; init; }

    /// <summary>Fee per unit filled as maker, fixed-point 10^-8 currency units; negative is a rebate.</summary>
    public long MakerFeePerUnit { get; init; }

    /// <summary>Fee per unit filled as taker, fixed-point 10^-8 currency units; negative is a rebate.</summary>
    public long TakerFeePerUnit { get; init; }

    /// <summary>
    /// The share of the market's displayed size (and printed volume) this venue shows, fixed-point 10^-8
    /// (100_000_000 = all of it): with several simulated venues on one market, liquidity is fragmented the
    /// way it is across lit exchanges, so the router has something to split.
    /// </summary>
    public long LiquidityShare { get; init; } = FullShare;

    public const long FullShare = Venues.LiquidityShare.Full;

    /// <summary>Dense instrument ids 0..InstrumentCount-1.</summary>
    public int InstrumentCount { get; init; } = 1;

    /// <summary>Market levels kept per instrument and side.</summary>
    public int BookDepth { get; init; } = 16;

    /// <summary>Our orders held at once, working or in flight.</summary>
    public int OrderCapacity { get; init; } = 1024;

    /// <summary>Requests in flight to the venue at once.</summary>
    public int RequestCapacity { get; init; } = 1024;

    /// <summary>Reports waiting to be polled; size it for the most reports produced between two polls.</summary>
    public int ReportCapacity { get; init; } = 4096;

    /// <summary>Null when usable, else why not.</summary>
    public string? Validate()
    {
        if (EntryLatencyNs < 0 || AckLatencyNs < 0)
        {
            return "latencies must be >= 0";
        }

        if (InstrumentCount <= 0 || BookDepth <= 0 || OrderCapacity <= 0 || RequestCapacity <= 0 || ReportCapacity <= 0)
        {
            return "InstrumentCount, BookDepth, OrderCapacity, RequestCapacity and ReportCapacity must be > 0";
        }

        if (LiquidityShare <= 0 || LiquidityShare > FullShare)
        {
            return $"LiquidityShare {LiquidityShare} must be in (0, {FullShare}]";
        }

        if (BookDepth > 1024)
        {
            return $"BookDepth {BookDepth} must be <= 1024";
        }

        return null;
    }
}
