namespace Llt.Shell.Commands.Ticks;

/// <summary>One quote or trade as read back from the tick store (prices exact, as stored).</summary>
internal sealed record TickRow(
    long Sequence,
    long TimestampNs,
    string Symbol,
    string Type,
    decimal? Bid,
    long? BidSize,
    decimal? Ask,
    long? AskSize,
    decimal? Price,
    long? Size,
    string? Aggressor);
