namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Quote Update 'Q' (TOPS): IEX's best bid and offer for a security. Before trading starts IEX sends a "zero
/// quote" (all prices and sizes 0) for every symbol; a side with size 0 is empty.
/// </summary>
public readonly ref struct QuoteUpdateMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal QuoteUpdateMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    /// <summary>0x80 symbol not available for trading (halted/paused), 0x40 pre/post-market session.</summary>
    public byte Flags => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));

    public uint BidSize => IexBytes.UInt32(_buffer, TopsDescriptor.BidSizeOffset);

    /// <summary>Best bid, engine fixed point (10^-8).</summary>
    public long BidPrice => IexPrice.ToEngine(RawBidPrice);

    /// <summary>Best ask, engine fixed point (10^-8).</summary>
    public long AskPrice => IexPrice.ToEngine(RawAskPrice);

    public uint AskSize => IexBytes.UInt32(_buffer, TopsDescriptor.AskSizeOffset);

    /// <summary>Best bid as on the wire (10^-4).</summary>
    public long RawBidPrice => IexBytes.Int64(_buffer, TopsDescriptor.BidPriceOffset);

    /// <summary>Best ask as on the wire (10^-4).</summary>
    public long RawAskPrice => IexBytes.Int64(_buffer, TopsDescriptor.AskPriceOffset);

    public bool IsSymbolAvailable => (Flags & TopsDescriptor.QuoteSymbolAvailabilityFlag) == 0;

    public bool IsPrePostMarketSession => (Flags & TopsDescriptor.QuoteMarketSessionFlag) != 0;
}
