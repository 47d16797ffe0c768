namespace Llt.Hotpath.Feeds.Iex;

/// <summary>Auction Information 'A': the state of an upcoming IEX auction of an IEX-listed security (sent every second).</summary>
public readonly ref struct AuctionInformationMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal AuctionInformationMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    /// <summary>'O' opening, 'C' closing, 'I' IPO, 'H' halt, 'V' volatility auction.</summary>
    public byte AuctionType => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));

    public uint PairedShares => IexBytes.UInt32(_buffer, IexMessageDescriptor.PairedSharesOffset);

    /// <summary>Engine fixed point (10^-8), as are all prices of this message.</summary>
    public long ReferencePrice => PriceAt(IexMessageDescriptor.ReferencePriceOffset);

    public long IndicativeClearingPrice => PriceAt(IexMessageDescriptor.IndicativeClearingPriceOffset);

    public uint ImbalanceShares => IexBytes.UInt32(_buffer, IexMessageDescriptor.ImbalanceSharesOffset);

    /// <summary>'B' buy-side imbalance, 'S' sell-side imbalance, 'N' no imbalance.</summary>
    public byte ImbalanceSide => IexBytes.UInt8(_buffer, IexMessageDescriptor.ImbalanceSideOffset);

    public byte ExtensionNumber => IexBytes.UInt8(_buffer, IexMessageDescriptor.ExtensionNumberOffset);

    /// <summary>Projected time of the auction match, seconds since the POSIX epoch.</summary>
    public uint ScheduledAuctionTime => IexBytes.UInt32(_buffer, IexMessageDescriptor.ScheduledAuctionTimeOffset);

    public long AuctionBookClearingPrice => PriceAt(IexMessageDescriptor.AuctionBookClearingPriceOffset);

    public long CollarReferencePrice => PriceAt(IexMessageDescriptor.CollarReferencePriceOffset);

    public long LowerAuctionCollar => PriceAt(IexMessageDescriptor.LowerAuctionCollarOffset);

    public long UpperAuctionCollar => PriceAt(IexMessageDescriptor.UpperAuctionCollarOffset);

    /// <summary>The prices as on the wire (10^-4).</summary>
    public long RawReferencePrice => IexBytes.Int64(_buffer, IexMessageDescriptor.ReferencePriceOffset);

    public long RawIndicativeClearingPrice => IexBytes.Int64(_buffer, IexMessageDescriptor.IndicativeClearingPriceOffset);

    public long RawAuctionBookClearingPrice => IexBytes.Int64(_buffer, IexMessageDescriptor.AuctionBookClearingPriceOffset);

    public long RawCollarReferencePrice => IexBytes.Int64(_buffer, IexMessageDescriptor.CollarReferencePriceOffset);

    public long RawLowerAuctionCollar => IexBytes.Int64(_buffer, IexMessageDescriptor.LowerAuctionCollarOffset);

    public long RawUpperAuctionCollar => IexBytes.Int64(_buffer, IexMessageDescriptor.UpperAuctionCollarOffset);

    private long PriceAt(int offset) => IexPrice.ToEngine(IexBytes.Int64(_buffer, offset));
}
