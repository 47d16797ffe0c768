using Llt.Sbe;

namespace Llt.Benchmarks.Sbe;

/// <summary>
/// The content of one Quote as a plain object: the source the SBE encoder copies from and the type
/// System.Text.Json serializes, so every format carries the same values.
/// </summary>
public sealed class QuoteModel
{
    public int InstrumentId { get; set; }

    public QuoteFlags Flags { get; set; }

    public byte FeedId { get; set; }

    public long BidPrice { get; set; }

    public long BidSize { get; set; }

    public long AskPrice { get; set; }

    public long AskSize { get; set; }

    public ulong ExchangeTs { get; set; }

    public ulong ReceiveTs { get; set; }
}
