using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

/// <summary>Records park periods and advances a manual clock by them instead of sleeping.</summary>
internal sealed class RecordingParker : IThreadParker
{
    private readonly List<long> _parks = new(capacity: 1024);

    public ManualNanoClock Clock { get; } = new();

    public IReadOnlyList<long> Parks => _parks;

    public void ParkNanos(long durationNs)
    {
        _parks.Add(durationNs);
        Clock.Advance(durationNs);
    }
}
