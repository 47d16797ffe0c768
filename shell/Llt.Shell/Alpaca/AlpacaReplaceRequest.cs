using Llt.Sbe;

namespace Llt.Shell.Alpaca;

/// <summary>The engine's SBE ReplaceOrder, copied off the venue ring (its decoder is a ref struct, which an async method cannot hold).</summary>
internal readonly record struct AlpacaReplaceRequest(long ClOrdId, long OrigClOrdId, int InstrumentId, short StrategyId, long? Price, long Qty)
{
    public static AlpacaReplaceRequest From(in ReplaceOrderDecoder replace) =>
        new((long)replace.ClOrdId, (long)replace.OrigClOrdId, replace.InstrumentId, replace.StrategyId,
            replace.Price == ReplaceOrderDecoder.PriceNullValue ? null : replace.Price, replace.Qty);
}
