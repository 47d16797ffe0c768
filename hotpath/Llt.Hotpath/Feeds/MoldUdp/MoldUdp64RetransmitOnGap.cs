using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Feeds.MoldUdp;

/// <summary>
/// The retransmission hook: an <see cref="IGapHandler"/> that turns every gap the arbiter declares lost into
/// re-requests through a <see cref="MoldUdp64Requester"/>, for the session the receiver is in. Counts the declared
/// gaps, so a feed agent can alert on them (each unrecovered gap is reported exactly once).
/// </summary>
public struct MoldUdp64RetransmitOnGap : IGapHandler
{
    private readonly MoldUdp64Requester _requester;
    private SessionId _session;

    public MoldUdp64RetransmitOnGap(MoldUdp64Requester requester)
    {
        ArgumentNullException.ThrowIfNull(requester);
        _requester = requester;
    }

    /// <summary>Gaps declared lost so far (each one requested).</summary>
    public long DeclaredGaps { get; private set; }

    /// <summary>The session to ask about: set it from <c>receiver.Arbiter.Session</c> after each packet, or once per session.</summary>
    public SessionId Session
    {
        readonly get => _session;
        set => _session = value;
    }

    public void OnGapDeclared(long from, long to)
    {
        DeclaredGaps++;
        _requester.Request(_session, from, to);
    }
}
