using Llt.Benchmarks.Sbe.Proto;
using Llt.Sbe;

namespace Llt.Benchmarks.Sbe;

/// <summary>
/// The one Quote and the one ExecutionReport every codec benchmark encodes and decodes, their Protobuf
/// mirrors, and the checksum each decode benchmark returns (a sum over every field, group entry and the text's
/// length and first character), so a benchmark can neither skip a read nor carry different content.
/// </summary>
internal static class CodecSamples
{
    /// <summary>Encode buffer size: the ExecutionReport below is 180 bytes in SBE, 493 in JSON, 121 in Protobuf.</summary>
    public const int BufferLength = 1024;

    private const long Units = 100_000_000L; // 10^-8 fixed point (schemas/llt.xml)
    private const ulong TransactTs = 1_767_225_600_123_456_789UL;

    public static QuoteModel CreateQuote() => new()
    {
        InstrumentId = 42,
        Flags = QuoteFlags.None,
        FeedId = 1,
        BidPrice = 187 * Units + 25_000_000,
        BidSize = 300,
        AskPrice = 187 * Units + 26_000_000,
        AskSize = 500,
        ExchangeTs = TransactTs,
        ReceiveTs = TransactTs + 35_000,
    };

    public static ExecutionReportModel CreateExecutionReport() => new()
    {
        ClOrdId = 1_000_001,
        VenueOrderId = 9_876_543_210,
        InstrumentId = 42,
        StrategyId = 3,
        VenueId = 1,
        ExecType = ExecType.PartialFill,
        OrdStatus = OrdStatus.PartiallyFilled,
        Side = Side.Buy,
        RejectReason = RejectReason.None,
        Price = 187 * Units + 25_000_000,
        OrderQty = 1000,
        CumQty = 500,
        LeavesQty = 500,
        AvgPx = 187 * Units + 24_600_000,
        TransactTs = TransactTs,
        ReceiveTs = TransactTs - 120_000,
        Fills =
        [
            new FillModel { LastPx = 187 * Units + 24_000_000, LastQty = 200, Fee = -120_000, TradeId = 555_001, Liquidity = Liquidity.Maker },
            new FillModel { LastPx = 187 * Units + 25_000_000, LastQty = 300, Fee = 450_000, TradeId = 555_002, Liquidity = Liquidity.Taker },
        ],
        Text = "partial fill",
    };

    public static QuoteProto ToProto(QuoteModel q) => new()
    {
        InstrumentId = q.InstrumentId,
        Flags = (uint)q.Flags,
        FeedId = q.FeedId,
        BidPrice = q.BidPrice,
        BidSize = q.BidSize,
        AskPrice = q.AskPrice,
        AskSize = q.AskSize,
        ExchangeTs = q.ExchangeTs,
        ReceiveTs = q.ReceiveTs,
    };

    public static ExecutionReportProto ToProto(ExecutionReportModel r)
    {
        var proto = new ExecutionReportProto
        {
            ClOrdId = r.ClOrdId,
            VenueOrderId = r.VenueOrderId,
            InstrumentId = r.InstrumentId,
            StrategyId = r.StrategyId,
            VenueId = r.VenueId,
            ExecType = (uint)r.ExecType,
            OrdStatus = (uint)r.OrdStatus,
            Side = (uint)r.Side,
            RejectReason = (uint)r.RejectReason,
            Price = r.Price,
            OrderQty = r.OrderQty,
            CumQty = r.CumQty,
            LeavesQty = r.LeavesQty,
            AvgPx = r.AvgPx,
            TransactTs = r.TransactTs,
            ReceiveTs = r.ReceiveTs,
            Text = r.Text,
        };
        foreach (FillModel f in r.Fills)
        {
            proto.Fills.Add(new FillProto
            {
                LastPx = f.LastPx,
                LastQty = f.LastQty,
                Fee = f.Fee,
                TradeId = f.TradeId,
                Liquidity = (uint)f.Liquidity,
            });
        }

        return proto;
    }

    /// <summary>The checksum the Quote decode benchmarks must return.</summary>
    public static long Checksum(QuoteModel q) => unchecked(
        q.InstrumentId + (long)q.Flags + q.FeedId + q.BidPrice + q.BidSize + q.AskPrice + q.AskSize
        + (long)q.ExchangeTs + (long)q.ReceiveTs);

    /// <summary>The checksum the ExecutionReport decode benchmarks must return.</summary>
    public static long Checksum(ExecutionReportModel r)
    {
        long sum = unchecked(
            (long)r.ClOrdId + (long)r.VenueOrderId + r.InstrumentId + r.StrategyId + r.VenueId + (long)r.ExecType
            + (long)r.OrdStatus + (long)r.Side + (long)r.RejectReason + r.Price + r.OrderQty + r.CumQty
            + r.LeavesQty + r.AvgPx + (long)r.TransactTs + (long)r.ReceiveTs);
        foreach (FillModel f in r.Fills)
        {
            sum = unchecked(sum + f.LastPx + f.LastQty + f.Fee + (long)f.TradeId + (long)f.Liquidity);
        }

        return unchecked(sum + r.Text.Length + r.Text[0]);
    }

    /// <summary>Throws when a benchmark's round trip does not reproduce the sample (checked once, in setup).</summary>
    public static void CheckChecksum(string benchmark, long actual, long expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"{benchmark}: checksum {actual}, expected {expected}");
        }
    }
}
