namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>What <see cref="RecordingIexHandler"/> read from one message: its handler, second-byte code, timestamp, symbol and other fields by spec name.</summary>
internal sealed record DecodedMessage(string Kind, byte Code, long Timestamp, string Symbol, IReadOnlyDictionary<string, long> Fields)
{
    public long this[string field] => Fields[field];
}
