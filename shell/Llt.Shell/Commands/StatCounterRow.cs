namespace Llt.Shell.Commands;

/// <summary>One allocated counter as read for one `llt stat` refresh.</summary>
internal readonly record struct StatCounterRow(int Id, int TypeId, string Label, long Value);
