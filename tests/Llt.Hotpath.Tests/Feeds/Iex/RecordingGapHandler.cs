using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>An <see cref="IGapHandler"/> that keeps every range declared lost.</summary>
internal struct RecordingGapHandler : IGapHandler
{
    public RecordingGapHandler()
    {
    }

    public List<(long From, long To)> Declared { get; } = [];

    public readonly void OnGapDeclared(long from, long to) => Declared.Add((from, to));
}
