using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.Feeds.MoldUdp;

namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>Records the MoldUDP64 sequence of every delivered message before handing it to the book builder.</summary>
internal struct SequencedBookHandler : IMoldUdp64MessageHandler
{
    public ItchBookHandler<NoItchBookListener> Inner;
    public List<long> Sequences;

    public readonly void OnMessage(ReadOnlySpan<byte> message, long sequence, long receiveTimestampNs)
    {
        Sequences.Add(sequence);
        Inner.OnMessage(message, sequence, receiveTimestampNs);
    }
}
