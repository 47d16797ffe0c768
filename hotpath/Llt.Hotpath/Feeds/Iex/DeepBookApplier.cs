using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Hands each message an <see cref="IexTpReceiver"/> delivers (once, in sequence order) to a
/// <see cref="DeepBookBuilder{TListener}"/>, read as the channel's <see cref="IexProtocol"/>. A struct so the
/// receiver's calls are direct: keep it in a field of its owner and pass it by ref.
/// </summary>
public struct DeepBookApplier<TListener> : ISequencedMessageHandler
    where TListener : struct, IIexBookListener
{
    private readonly DeepBookBuilder<TListener> _books;
    private readonly IexProtocol _protocol;
    private long _applied;

    public DeepBookApplier(IexProtocol protocol, DeepBookBuilder<TListener> books)
    {
        ArgumentNullException.ThrowIfNull(books);
        _protocol = protocol;
        _books = books;
    }

    /// <summary>Messages handed to the builder (malformed ones included: each sequence is consumed once).</summary>
    public readonly long Applied => _applied;

    public void OnMessage(ReadOnlySpan<byte> message, long sequence, long receiveTimestampNs)
    {
        _applied++;
        _books.Apply(_protocol, message, receiveTimestampNs);
    }
}
