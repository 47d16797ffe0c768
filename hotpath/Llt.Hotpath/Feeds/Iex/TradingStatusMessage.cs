namespace Llt.Hotpath.Feeds.Iex;

/// <summary>Trading Status 'H': the regulatory trading status of a security (halted, paused, order acceptance, trading).</summary>
public readonly ref struct TradingStatusMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal TradingStatusMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    /// <summary>'H' halted, 'O' halt released into an order acceptance period, 'P' paused, 'T' trading on IEX.</summary>
    public byte TradingStatus => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));

    /// <summary>4 ASCII bytes, space padded ("T1", "IPO1", "MCB3", "NA", …; blank for 'P' and 'T').</summary>
    public ReadOnlySpan<byte> Reason => _buffer.Slice(IexMessageDescriptor.ReasonOffset, IexMessageDescriptor.ReasonLength);
}
