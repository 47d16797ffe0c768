namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>
/// What <see cref="MarketSimulator"/> decides for an event of the current block before the event runs: its
/// arrival (gap and the excitation after it) and its instrument (and the breakout focus window's state after
/// it). Planned for the rest of the block in one pass; re-planned from the next event when a breakout changes
/// the excitation or the focus window.
/// </summary>
internal struct PlannedEvent
{
    public long GapNs;
    public double ExcitationAfter;
    public int Instrument;
    public int FocusEventsLeftAfter;
    /// <summary>The event falls on the breaking instrument inside its focus window.</summary>
    public bool Focused;
}
