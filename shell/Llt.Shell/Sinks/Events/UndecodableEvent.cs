namespace Llt.Shell.Sinks.Events;

/// <summary>
/// A frame whose payload does not decode as the message its type names (or names no message at all). Kept with
/// its bytes and the decoder's reason so a store can record it as evidence; never guessed at.
/// </summary>
public sealed record UndecodableEvent(long Sequence, long TimestampNs, int TemplateId, byte[] Payload, string Error)
    : JournalEvent(Sequence, TimestampNs)
{
    public override string Kind => "Undecodable";
}
