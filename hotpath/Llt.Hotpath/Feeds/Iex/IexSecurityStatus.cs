namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// A symbol's trading status after a Trading Status or Operational Halt Status message, published by
/// <see cref="DeepBookBuilder{TListener}"/> — the input for the risk gate's instrument-halted check.
/// </summary>
public readonly struct IexSecurityStatus
{
    public IexSecurityStatus(int bookIndex, IexSymbol symbol, byte tradingStatus, byte operationalHaltStatus, long timestamp)
    {
        BookIndex = bookIndex;
        Symbol = symbol;
        TradingStatus = tradingStatus;
        OperationalHaltStatus = operationalHaltStatus;
        Timestamp = timestamp;
    }

    public int BookIndex { get; }

    public IexSymbol Symbol { get; }

    /// <summary>'H' halted, 'O' order acceptance period, 'P' paused, 'T' trading; 0 before any Trading Status.</summary>
    public byte TradingStatus { get; }

    /// <summary>'O' operationally halted, 'N' not; 0 before any Operational Halt Status.</summary>
    public byte OperationalHaltStatus { get; }

    public long Timestamp { get; }

    /// <summary>
    /// Trading on IEX and not operationally halted. A symbol IEX has said nothing about is not tradable: the
    /// spec tells firms to treat a security absent from the pre-market spin as halted.
    /// </summary>
    public bool IsTradable =>
        TradingStatus == IexMessageDescriptor.TradingStatusTrading && OperationalHaltStatus != IexMessageDescriptor.OperationallyHalted;
}
