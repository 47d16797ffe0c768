namespace Llt.Hotpath.Feeds.Iex;

/// <summary>Security Directory 'D': reference data of an IEX-listed security (pre-market spin, then changes).</summary>
public readonly ref struct SecurityDirectoryMessage
{
    private readonly ReadOnlySpan<byte> _buffer;

    internal SecurityDirectoryMessage(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    /// <summary>0x80 test security, 0x40 when issued, 0x20 ETP.</summary>
    public byte Flags => IexBytes.UInt8(_buffer, IexMessageDescriptor.SecondByteOffset);

    public long Timestamp => IexBytes.Int64(_buffer, IexMessageDescriptor.TimestampOffset);

    public IexSymbol Symbol => new(IexBytes.UInt64(_buffer, IexMessageDescriptor.SymbolOffset));

    public uint RoundLotSize => IexBytes.UInt32(_buffer, IexMessageDescriptor.RoundLotSizeOffset);

    /// <summary>Corporate-action-adjusted previous official closing price, engine fixed point (10^-8).</summary>
    public long AdjustedPocPrice => IexPrice.ToEngine(RawAdjustedPocPrice);

    /// <summary>Adjusted POC price as on the wire (10^-4).</summary>
    public long RawAdjustedPocPrice => IexBytes.Int64(_buffer, IexMessageDescriptor.AdjustedPocPriceOffset);

    /// <summary>0 not applicable, 1 Tier 1 NMS stock, 2 Tier 2 NMS stock.</summary>
    public byte LuldTier => IexBytes.UInt8(_buffer, IexMessageDescriptor.LuldTierOffset);

    public bool IsTestSecurity => (Flags & IexMessageDescriptor.SecurityDirectoryTestSecurityFlag) != 0;

    public bool IsWhenIssued => (Flags & IexMessageDescriptor.SecurityDirectoryWhenIssuedFlag) != 0;

    public bool IsEtp => (Flags & IexMessageDescriptor.SecurityDirectoryEtpFlag) != 0;
}
