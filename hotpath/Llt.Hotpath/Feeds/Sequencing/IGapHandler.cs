namespace Llt.Hotpath.Feeds.Sequencing;

/// <summary>
/// Told when <see cref="LineArbiter"/> gives up waiting for a gap: neither line delivered sequences
/// <c>from..to</c> within the window. The hook for a retransmission request (MoldUDP64 request server, IEX-TP
/// gap fill) or a book reset and an alert. Implement it on a struct so the call is devirtualised and inlined; the
/// struct may hold a reference to whatever sends the request.
/// </summary>
/// <example>
/// <code>
/// struct RetransmitOnGap : IGapHandler
/// {
///     public MoldRequester Requester;
///     public void OnGapDeclared(long from, long to) => Requester.Request(from, (int)(to - from + 1));
/// }
/// </code>
/// </example>
public interface IGapHandler
{
    /// <summary>Sequences <paramref name="from"/>..<paramref name="to"/> (inclusive) are declared lost. Called once per range.</summary>
    void OnGapDeclared(long from, long to);
}
