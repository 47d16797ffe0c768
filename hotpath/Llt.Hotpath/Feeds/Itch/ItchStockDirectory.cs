namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'R' Stock Directory (4.2.1) message (39 bytes, <see cref="ItchDescriptor.StockDirectory"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchStockDirectory
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchStockDirectory(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'R' message of exactly 39 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchStockDirectory view)
    {
        bool valid = message.Length == ItchDescriptor.StockDirectory.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.StockDirectory.Type;
        view = valid ? new ItchStockDirectory(message) : default;
        return valid;
    }

    /// <summary>The message bytes, type byte included.</summary>
    public ReadOnlySpan<byte> Bytes => _message;

    /// <summary>Locate code of the security for the day.</summary>
    public ushort StockLocate => ItchFieldReader.UInt16(_message, ItchDescriptor.StockLocateOffset);

    /// <summary>Nasdaq internal tracking number.</summary>
    public ushort TrackingNumber => ItchFieldReader.UInt16(_message, ItchDescriptor.TrackingNumberOffset);

    /// <summary>Nanoseconds since midnight.</summary>
    public long Timestamp => ItchFieldReader.Timestamp(_message);

    /// <summary>Stock symbol, 8 ASCII characters right-padded with spaces.</summary>
    public ReadOnlySpan<byte> Stock => _message.Slice(ItchDescriptor.StockDirectory.StockOffset, ItchDescriptor.StockLength);

    /// <summary>The stock symbol as a comparable value.</summary>
    public ItchSymbol Symbol => new(ItchFieldReader.UInt64(_message, ItchDescriptor.StockDirectory.StockOffset));

    /// <summary>Q/G/S Nasdaq tiers; N NYSE, A NYSE American, P NYSE Arca, Z BATS, V IEX; space n/a.</summary>
    public char MarketCategory => (char)ItchFieldReader.Byte(_message, ItchDescriptor.StockDirectory.MarketCategoryOffset);

    /// <summary>N normal; D/E/Q/S/G/H/J/K/C deficiencies; space for non-Nasdaq-listed.</summary>
    public char FinancialStatusIndicator => (char)ItchFieldReader.Byte(_message, ItchDescriptor.StockDirectory.FinancialStatusIndicatorOffset);

    /// <summary>Shares in a round lot.</summary>
    public uint RoundLotSize => ItchFieldReader.UInt32(_message, ItchDescriptor.StockDirectory.RoundLotSizeOffset);

    /// <summary>Y round lots only, N any size.</summary>
    public char RoundLotsOnly => (char)ItchFieldReader.Byte(_message, ItchDescriptor.StockDirectory.RoundLotsOnlyOffset);

    public char IssueClassification => (char)ItchFieldReader.Byte(_message, ItchDescriptor.StockDirectory.IssueClassificationOffset);

    public ReadOnlySpan<byte> IssueSubType => _message.Slice(ItchDescriptor.StockDirectory.IssueSubTypeOffset, 2);

    /// <summary>P live/production, T test.</summary>
    public char Authenticity => (char)ItchFieldReader.Byte(_message, ItchDescriptor.StockDirectory.AuthenticityOffset);

    /// <summary>Y restricted under Rule 203(b)(3), N not, space n/a.</summary>
    public char ShortSaleThresholdIndicator => (char)ItchFieldReader.Byte(_message, ItchDescriptor.StockDirectory.ShortSaleThresholdIndicatorOffset);

    public char IpoFlag => (char)ItchFieldReader.Byte(_message, ItchDescriptor.StockDirectory.IpoFlagOffset);

    /// <summary>1 tier 1, 2 tier 2, space n/a.</summary>
    public char LuldReferencePriceTier => (char)ItchFieldReader.Byte(_message, ItchDescriptor.StockDirectory.LuldReferencePriceTierOffset);

    public char EtpFlag => (char)ItchFieldReader.Byte(_message, ItchDescriptor.StockDirectory.EtpFlagOffset);

    public uint EtpLeverageFactor => ItchFieldReader.UInt32(_message, ItchDescriptor.StockDirectory.EtpLeverageFactorOffset);

    public char InverseIndicator => (char)ItchFieldReader.Byte(_message, ItchDescriptor.StockDirectory.InverseIndicatorOffset);
}
