namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// Where each of an event's random draws sits in <see cref="EventDrawBlock"/>: every event owns
/// <see cref="RawPerEvent"/> consecutive 64-bit draws at fixed offsets, plus two exponential and two normal
/// variates, so the draws an event needs are independent loads rather than a chain through a generator's state.
/// A raw slot split into two 32-bit coins uses the low word for the first and the high word for the second.
/// Draws an event needs only rarely (ziggurat rejections, jump sizes, trend starts, the size tail) come from
/// the simulator's scalar stream instead. Changing this layout changes the model's output (docs/SIMULATOR.md,
/// model change log).
/// </summary>
internal static class EventDrawSlots
{
    // ---- raw 64-bit draws, RawPerEvent per event ----

    /// <summary>The activity-weighted instrument (alias column and coin, 64 bits).</summary>
    public const int Instrument = 0;

    /// <summary>Low: repeat the previous instrument (cluster). High: go to the breaking instrument (focus).</summary>
    public const int Routing = 1;

    /// <summary>Low: trade rather than quote. High: regime switch (quote) or buyer-initiated (trade).</summary>
    public const int Kind = 2;

    /// <summary>Quote: bid size. Trade: trade size (alias draws).</summary>
    public const int BidOrTradeSize = 3;

    /// <summary>Quote: ask size (alias draw).</summary>
    public const int AskSize = 4;

    /// <summary>Quote. Low: the spread's uniform. High: a trend starts.</summary>
    public const int SpreadAndTrend = 5;

    /// <summary>Quote. Low: a jump. High: unused.</summary>
    public const int Jump = 6;

    public const int RawPerEvent = 7;

    // ---- variates, two of each kind per event ----

    /// <summary>Exponential variate 0: the Hawkes baseline's arrival.</summary>
    public const int BaselineArrival = 0;

    /// <summary>Exponential variate 1: the excitation's own arrival.</summary>
    public const int ExcitationArrival = 1;

    /// <summary>Normal variate 0 (quotes): the fair value's increment.</summary>
    public const int FairValue = 0;

    /// <summary>Normal variate 1 (quotes): the deviation's (Ornstein-Uhlenbeck) increment.</summary>
    public const int Deviation = 1;

    public const int VariatesPerEvent = 2;

    /// <summary>Events per block: 64 events' draws and variates are 7.5 KiB, refilled in one pass, resident in L1.</summary>
    /// <remarks>At most 64: <see cref="EventDrawBlock"/> marks rejected events in one 64-bit word.</remarks>
    public const int EventsPerBlock = 64;

    /// <summary>
    /// Block layout, one generator pass: the raw draws (RawPerEvent per event), then the variates' bits, four
    /// per event — exponential 0, exponential 1, normal 0, normal 1.
    /// </summary>
    public const int RawLength = RawPerEvent * EventsPerBlock;

    /// <summary>Variates of one kind in a block (exponential or normal).</summary>
    public const int VariateLength = VariatesPerEvent * EventsPerBlock;

    /// <summary>A block's 64-bit draws; at most 64 events, as the block keeps its rejected events in one word.</summary>
    public const int BlockLength = RawLength + 2 * VariateLength;
}
