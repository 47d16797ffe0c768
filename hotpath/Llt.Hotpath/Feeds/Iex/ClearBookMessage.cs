namespace Llt.Hotpath.Feeds.Iex;

/// <summary>Clear Book 'C' (DEEP+): every order of the symbol was removed from the IEX book.</summary>
public readonly ref struct ClearBookMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal ClearBookMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));
}
