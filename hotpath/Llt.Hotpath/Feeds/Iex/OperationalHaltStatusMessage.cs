namespace Llt.Hotpath.Feeds.Iex;

/// <summary>Operational Halt Status 'O': IEX suspended (or resumed) trading in a security for operational reasons.</summary>
public readonly ref struct OperationalHaltStatusMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal OperationalHaltStatusMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    /// <summary>'O' operationally halted on IEX, 'N' not operationally halted.</summary>
    public byte OperationalHaltStatus => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));

    public bool IsHalted => OperationalHaltStatus == IexMessageDescriptor.OperationallyHalted;
}
