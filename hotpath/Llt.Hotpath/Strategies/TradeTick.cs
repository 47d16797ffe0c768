using Llt.Sbe;

namespace Llt.Hotpath.Strategies;

/// <summary>A validated trade print as strategies see it. Price fixed-point 10^-8, size whole units.</summary>
public readonly record struct TradeTick(
    int InstrumentId, long Price, long Size, AggressorSide Aggressor, long ExchangeTs, long ReceiveTs);
