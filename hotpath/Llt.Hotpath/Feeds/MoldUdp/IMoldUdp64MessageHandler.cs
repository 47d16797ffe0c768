using Llt.Hotpath.Feeds.Sequencing;

namespace Llt.Hotpath.Feeds.MoldUdp;

/// <summary>
/// Receives the messages <see cref="MoldUdp64Receiver"/> delivers, once each, first copy wins, in sequence order
/// (<see cref="ISequencedMessageHandler.OnMessage"/>: the message, its MoldUDP64 sequence number, when its packet
/// was received). Implement on a struct so the call is devirtualised.
/// </summary>
public interface IMoldUdp64MessageHandler : ISequencedMessageHandler
{
}
