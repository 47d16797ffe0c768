namespace Llt.Hotpath.Feeds.Sequencing;

/// <summary>
/// Receives the messages of a sequenced line once each, in sequence order (first copy wins, held back behind a
/// pending gap by <see cref="SequenceHoldBack"/>). Implement it on a struct so the call is devirtualised.
/// </summary>
/// <example>
/// <code>
/// struct BookHandler : ISequencedMessageHandler
/// {
///     public ItchBookBuilder&lt;NoItchBookListener&gt; Books;
///     public void OnMessage(ReadOnlySpan&lt;byte&gt; message, long sequence, long receiveTimestampNs) => Books.Apply(message);
/// }
/// </code>
/// </example>
public interface ISequencedMessageHandler
{
    /// <param name="message">The message bytes, valid only during the call.</param>
    /// <param name="sequence">Its sequence number on the line.</param>
    /// <param name="receiveTimestampNs">When the packet that carried it was received.</param>
    void OnMessage(ReadOnlySpan<byte> message, long sequence, long receiveTimestampNs);
}
