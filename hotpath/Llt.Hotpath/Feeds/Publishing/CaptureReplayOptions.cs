namespace Llt.Hotpath.Feeds.Publishing;

/// <summary>How <see cref="CaptureReplayAgent"/> replays a capture (from <c>feed</c> in llt.json).</summary>
public sealed record CaptureReplayOptions
{
    public required string Path { get; init; }

    public CaptureProtocol Protocol { get; init; } = CaptureProtocol.Itch50;

    /// <summary>The feedId stamped on every published message (failover tells feeds apart by it).</summary>
    public byte FeedId { get; init; }

    /// <summary>Recorded pace (× <see cref="Speed"/>) instead of as fast as md.ring accepts.</summary>
    public bool Paced { get; init; }

    public double Speed { get; init; } = 1.0;

    /// <summary>Most packets per duty cycle.</summary>
    public int BatchLimit { get; init; } = 64;

    /// <summary>UTC midnight of the capture's trading day: ITCH timestamps count nanoseconds from it.</summary>
    public long SessionDateEpochNs { get; init; }
}
