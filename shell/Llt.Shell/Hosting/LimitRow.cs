using Llt.Sbe;
using Llt.Shell.Configuration;

namespace Llt.Shell.Hosting;

/// <summary>
/// A risk limit in force: kind, scope, the instrument or strategy it applies to (id and name; -1/null for the
/// portfolio), its raw engine value, and where it came from ("llt.json" for the engine's configured defaults, else
/// the journaled SetLimit's source) with that frame's sequence (0 for configured).
/// </summary>
public sealed record LimitRow(LimitKind Kind, LimitScope Scope, int TargetId, string? Target, long RawValue, string Source, long Sequence, long TsNs)
{
    public decimal? Value => Kind.FromRaw(RawValue);
}
