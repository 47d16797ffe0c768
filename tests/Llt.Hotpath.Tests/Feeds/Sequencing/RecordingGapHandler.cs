using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Tests.Feeds.Sequencing;

/// <summary>Keeps every range <see cref="LineArbiter"/> declares lost: the retransmission-request / alert hook.</summary>
internal struct RecordingGapHandler : IGapHandler
{
    public RecordingGapHandler()
    {
    }

    public List<(long From, long To)> Declared { get; } = [];

    public readonly void OnGapDeclared(long from, long to) => Declared.Add((from, to));
}
