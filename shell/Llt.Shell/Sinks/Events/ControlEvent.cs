namespace Llt.Shell.Sinks.Events;

/// <summary>
/// An operator or engine control command as applied (SetLimit, StrategyControl, KillSwitchCommand,
/// VenueControl): what (<see cref="Kind"/> and <see cref="Details"/>, name/value pairs in schema order), when
/// (the frame timestamp) and from where (<see cref="Source"/>).
/// </summary>
public sealed record ControlEvent(
    long Sequence,
    long TimestampNs,
    string Command,
    long CorrelationId,
    string Source,
    IReadOnlyList<KeyValuePair<string, string>> Details) : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => Command;
}
