using Llt.Hotpath.MarketData;
using Llt.Hotpath.MarketData.Validation;

namespace Llt.Hotpath.Tests.MarketData.Validation;

public sealed class TickValidatorTests
{
    private const long Tick = 1_000_000; // 0.01
    private const long P100 = 100 * 100_000_000L;

    private static InstrumentState NewState() => new() { TickSize = Tick, LotSize = 1 };

    private static TickRejectReason Quote(TickValidator v, ref InstrumentState s, long bid, long ask, long ts, long bidSize = 100, long askSize = 100) =>
        v.TryApplyQuote(ref s, bid, bidSize, ask, askSize, ts);

    [Fact]
    public void ValidQuote_IsAppliedToTopOfBook()
    {
        var v = new TickValidator();
        InstrumentState s = NewState();
        Assert.Equal(TickRejectReason.None, Quote(v, ref s, P100, P100 + Tick, 10, 300, 200));
        Assert.Equal(P100, s.BidPrice);
        Assert.Equal(P100 + Tick, s.AskPrice);
        Assert.Equal(300, s.BidSize);
        Assert.Equal(200, s.AskSize);
        Assert.Equal(10, s.LastExchangeTs);
        Assert.Equal(1, s.QuoteCount);
    }

    [Theory]
    [InlineData(0, P100, TickRejectReason.NonPositivePrice)]
    [InlineData(-Tick, P100, TickRejectReason.NonPositivePrice)]
    [InlineData(P100, 0, TickRejectReason.NonPositivePrice)]
    [InlineData(P100 + 1, P100 + Tick, TickRejectReason.OffTickGrid)]
    [InlineData(P100, P100 + Tick + 5, TickRejectReason.OffTickGrid)]
    [InlineData(P100 + Tick, P100, TickRejectReason.CrossedBook)]
    [InlineData(P100, P100, TickRejectReason.CrossedBook)]
    public void ImplausibleQuote_IsRejectedAndNotApplied(long bid, long ask, TickRejectReason expected)
    {
        var v = new TickValidator();
        InstrumentState s = NewState();
        Assert.Equal(TickRejectReason.None, Quote(v, ref s, P100 - Tick, P100 + 2 * Tick, 1));
        InstrumentState before = s;
        Assert.Equal(expected, Quote(v, ref s, bid, ask, 2));
        Assert.Equal(before, s);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(100, 0)]
    [InlineData(-5, 100)]
    public void QuoteWithNonPositiveSize_IsRejected(long bidSize, long askSize)
    {
        var v = new TickValidator();
        InstrumentState s = NewState();
        Assert.Equal(TickRejectReason.NonPositiveSize, Quote(v, ref s, P100, P100 + Tick, 1, bidSize, askSize));
        Assert.Equal(0, s.QuoteCount);
    }

    [Fact]
    public void TimestampGoingBackwards_IsRejected_EqualIsAccepted()
    {
        var v = new TickValidator();
        InstrumentState s = NewState();
        Assert.Equal(TickRejectReason.None, Quote(v, ref s, P100, P100 + Tick, 1000));
        Assert.Equal(TickRejectReason.TimestampBackwards, Quote(v, ref s, P100, P100 + 2 * Tick, 999));
        Assert.Equal(TickRejectReason.None, Quote(v, ref s, P100, P100 + 2 * Tick, 1000));
        Assert.Equal(TickRejectReason.TimestampBackwards, v.TryApplyTrade(ref s, P100, 10, 1, 999));
    }

    [Fact]
    public void ExactDuplicateQuote_IsRejected()
    {
        var v = new TickValidator();
        InstrumentState s = NewState();
        Assert.Equal(TickRejectReason.None, Quote(v, ref s, P100, P100 + Tick, 5));
        Assert.Equal(TickRejectReason.Duplicate, Quote(v, ref s, P100, P100 + Tick, 5));
        Assert.Equal(TickRejectReason.None, Quote(v, ref s, P100, P100 + Tick, 6));
    }

    [Fact]
    public void Trade_ValidIsApplied_DuplicateTradeIdRejected()
    {
        var v = new TickValidator();
        InstrumentState s = NewState();
        Assert.Equal(TickRejectReason.None, v.TryApplyTrade(ref s, P100, 50, tradeId: 7, exchangeTs: 1));
        Assert.Equal(P100, s.LastPrice);
        Assert.Equal(50, s.LastSize);
        Assert.Equal(TickRejectReason.Duplicate, v.TryApplyTrade(ref s, P100, 50, tradeId: 7, exchangeTs: 2));
        Assert.Equal(TickRejectReason.NonPositiveSize, v.TryApplyTrade(ref s, P100, 0, tradeId: 8, exchangeTs: 2));
        Assert.Equal(TickRejectReason.NonPositivePrice, v.TryApplyTrade(ref s, -P100, 1, tradeId: 8, exchangeTs: 2));
        Assert.Equal(TickRejectReason.OffTickGrid, v.TryApplyTrade(ref s, P100 + 3, 1, tradeId: 8, exchangeTs: 2));
        Assert.Equal(1, s.TradeCount);
    }

    [Fact]
    public void PriceSpike_BeyondSigmas_IsRejected_AfterWarmUp()
    {
        var v = new TickValidator(spikeSigmas: 10, minSamples: 50, spikeConfirmations: 3);
        InstrumentState s = NewState();
        long ts = 0;
        var random = new Random(42);
        long mid = P100;
        for (int i = 0; i < 200; i++)
        {
            mid += (random.Next(3) - 1) * Tick;
            Assert.Equal(TickRejectReason.None, Quote(v, ref s, mid - Tick, mid + Tick, ++ts));
        }

        // A 20% move is far beyond 10 sigma of one-tick moves on a 100.00 price.
        long spike = mid * 6 / 5 / Tick * Tick;
        Assert.Equal(TickRejectReason.PriceSpike, Quote(v, ref s, spike - Tick, spike + Tick, ++ts));
        Assert.Equal(mid - Tick, s.BidPrice);
        // The market carries on where it was: accepted, and the spike did not poison the statistics.
        Assert.Equal(TickRejectReason.None, Quote(v, ref s, mid - Tick, mid + 2 * Tick, ++ts));
        Assert.Equal(TickRejectReason.PriceSpike, Quote(v, ref s, spike - Tick, spike + Tick, ++ts));
    }

    [Fact]
    public void PriceJump_ConfirmedByConsecutiveTicks_IsAccepted()
    {
        var v = new TickValidator(spikeSigmas: 10, minSamples: 20, spikeConfirmations: 3);
        InstrumentState s = NewState();
        long ts = 0;
        for (int i = 0; i < 50; i++)
        {
            long m = P100 + (i % 2) * Tick;
            Assert.Equal(TickRejectReason.None, Quote(v, ref s, m - Tick, m + Tick, ++ts));
        }

        long jump = P100 * 2;
        Assert.Equal(TickRejectReason.PriceSpike, Quote(v, ref s, jump - Tick, jump + Tick, ++ts));
        Assert.Equal(TickRejectReason.PriceSpike, Quote(v, ref s, jump - Tick, jump + 2 * Tick, ++ts));
        Assert.Equal(TickRejectReason.None, Quote(v, ref s, jump - 2 * Tick, jump + Tick, ++ts));
        Assert.Equal(jump - 2 * Tick, s.BidPrice);
        // And the new level is now the reference: ordinary moves around it pass.
        Assert.Equal(TickRejectReason.None, Quote(v, ref s, jump - Tick, jump + Tick, ++ts));
    }

    [Fact]
    public void FlatHistory_DoesNotFlagAOneTickMove()
    {
        var v = new TickValidator(spikeSigmas: 10, minSamples: 10, spikeConfirmations: 3);
        InstrumentState s = NewState();
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(TickRejectReason.None, v.TryApplyTrade(ref s, P100, 1, i + 1, i));
        }

        Assert.Equal(TickRejectReason.None, v.TryApplyTrade(ref s, P100 + Tick, 1, 1000, 1000));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(1_000_000)]
    [InlineData(25_000_000)]
    [InlineData(1_234_567)]
    public void TickGrid_AgreesWithTheRemainder_ForAnyTickSize(long tick)
    {
        var s = new InstrumentState { TickSize = tick };
        var random = new Random((int)tick);
        for (int i = 0; i < 20_000; i++)
        {
            long price = i < 10_000 ? i + 1 : random.NextInt64(1, long.MaxValue / 2);
            long onGrid = Math.Max(1, price / tick) * tick;
            Assert.Equal(price % tick == 0, s.IsOnTickGrid(price));
            Assert.True(s.IsOnTickGrid(onGrid));
        }
    }

    [Fact]
    public void TickGrid_FollowsTheTickSize_AndNoPriceIsOnAGridOfZero()
    {
        var s = new InstrumentState { TickSize = 5 };
        Assert.True(s.IsOnTickGrid(10));
        s.TickSize = 4;
        Assert.False(s.IsOnTickGrid(10));
        Assert.True(s.IsOnTickGrid(12));
        s.TickSize = 0;
        Assert.False(s.IsOnTickGrid(12));
        var v = new TickValidator();
        Assert.Equal(TickRejectReason.OffTickGrid, v.TryApplyTrade(ref s, 12, 1, 1, 1));
    }

    [Theory]
    [InlineData(9, TickRejectReason.None)]
    [InlineData(-9, TickRejectReason.None)]
    [InlineData(11, TickRejectReason.PriceSpike)]
    [InlineData(-11, TickRejectReason.PriceSpike)]
    public void FlatHistory_FloorsTheVarianceAtOneTick(long ticks, TickRejectReason expected)
    {
        // a flat history has no variance: the one-tick floor alone decides, so 10 sigma is 10 ticks
        var v = new TickValidator(spikeSigmas: 10, minSamples: 10, spikeConfirmations: 3);
        InstrumentState s = NewState();
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(TickRejectReason.None, v.TryApplyTrade(ref s, P100, 1, i + 1, i));
        }

        Assert.Equal(0.0, s.ReturnVariance);
        Assert.Equal(expected, v.TryApplyTrade(ref s, P100 + ticks * Tick, 1, 1000, 1000));
    }

    [Fact]
    public void Validation_DoesNotAllocate()
    {
        var v = new TickValidator();
        InstrumentState s = NewState();
        long ts = 0;
        for (int i = 0; i < 1000; i++)
        {
            Quote(v, ref s, P100, P100 + Tick + (i % 2) * Tick, ++ts);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            Quote(v, ref s, P100, P100 + Tick + (i % 2) * Tick, ++ts);
            v.TryApplyTrade(ref s, P100, 10, i + 1, ts);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
