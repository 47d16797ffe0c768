namespace Llt.Shell.Hosting;

/// <summary>A configured venue and whether the router uses it: up at start, then the last journaled VenueControl.</summary>
public sealed record VenueRow(int VenueId, string Name, bool Up, string Source, long Sequence);
