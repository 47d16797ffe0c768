namespace Llt.Hotpath.Feeds.Iex;

/// <summary>Retail Liquidity Indicator 'I': IEX's eligible retail interest in a security changed.</summary>
public readonly ref struct RetailLiquidityIndicatorMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal RetailLiquidityIndicatorMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    /// <summary>' ' not applicable, 'A' buy interest, 'B' sell interest, 'C' buy and sell interest.</summary>
    public byte RetailLiquidityIndicator => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));
}
