namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Security Event 'E' (DEEP, DEEP+): the opening or closing process of a security completed. It also implies
/// that every earlier price level update of the security has been sent.
/// </summary>
public readonly ref struct SecurityEventMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal SecurityEventMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    /// <summary>'O' opening process complete, 'C' closing process complete.</summary>
    public byte SecurityEvent => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));
}
