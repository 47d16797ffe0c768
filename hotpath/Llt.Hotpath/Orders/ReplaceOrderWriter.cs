using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Orders;

/// <summary>
/// Encodes a cancel/replace request as the schema's ReplaceOrder message (header included), wherever one is written:
/// the strategy's intent into the journal, each venue's replace into the gateway ring and the journal.
/// </summary>
public static class ReplaceOrderWriter
{
    /// <summary>Bytes of one message.</summary>
    public const int Length = ReplaceOrderEncoder.HeaderLength + ReplaceOrderEncoder.BlockLength;

    /// <param name="price">The new limit; <see cref="OrderRequest.NoPrice"/> or below 1 keeps the order's (a null price).</param>
    /// <param name="qty">The new total quantity.</param>
    /// <returns><see cref="Length"/>.</returns>
    public static int Encode(Span<byte> buffer, long clOrdId, long origClOrdId, int instrumentId, int strategyId, long price, long qty, long decisionTs)
    {
        var replace = ReplaceOrderEncoder.WrapAndApplyHeader(buffer, 0);
        replace.SetClOrdId((ulong)clOrdId);
        replace.SetOrigClOrdId((ulong)origClOrdId);
        replace.SetInstrumentId(instrumentId);
        replace.SetStrategyId((short)strategyId);
        replace.SetPrice(price is OrderRequest.NoPrice or <= 0 ? ReplaceOrderEncoder.PriceNullValue : price);
        replace.SetQty(qty);
        replace.SetDecisionTs((ulong)decisionTs);
        return Length;
    }
}
