namespace Llt.Hotpath.Feeds.MoldUdp;

/// <summary>
/// Receives the messages <see cref="MoldUdp64Receiver"/> delivers, once each, first copy wins. Implement on a
/// struct so the call is devirtualised.
/// </summary>
public interface IMoldUdp64MessageHandler
{
    /// <param name="message">The message bytes (a slice of the packet, valid only during the call).</param>
    /// <param name="sequence">Its MoldUDP64 sequence number.</param>
    /// <param name="receiveTimestampNs">When its packet was received.</param>
    void OnMessage(ReadOnlySpan<byte> message, long sequence, long receiveTimestampNs);
}
