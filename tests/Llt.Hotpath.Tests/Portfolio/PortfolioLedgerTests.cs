using Llt.Hotpath.Config;
using Llt.Hotpath.Portfolio;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Portfolio;

public sealed class PortfolioLedgerTests
{
    private const long S = FixedPoint.Scale;

    [Fact]
    public void OnFill_BuysAddToCostBasis_AverageIsWeighted()
    {
        using var ledger = new PortfolioLedger(1, 1);
        ledger.OnFill(0, 0, Side.Buy, 100, 10 * S, 0);
        ledger.OnFill(0, 0, Side.Buy, 300, 12 * S, 0);

        PositionView p = ledger.GetPosition(0, 0);
        Assert.Equal(400, p.Quantity);
        Assert.Equal((Int128)(100 * 10 * S + 300 * 12 * S), p.CostBasis);
        Assert.Equal(1150 * S / 100, p.AveragePrice); // (1000 + 3600) / 400 = 11.50
        Assert.Equal(0, p.RealizedPnl);
    }

    [Fact]
    public void OnFill_PartialClose_RealizesAgainstAverageCost()
    {
        using var ledger = new PortfolioLedger(1, 1);
        ledger.OnFill(0, 0, Side.Buy, 100, 10 * S, 0);
        ledger.OnFill(0, 0, Side.Buy, 100, 12 * S, 0);
        ledger.OnFill(0, 0, Side.Sell, 50, 15 * S, 0);

        PositionView p = ledger.GetPosition(0, 0);
        Assert.Equal(150, p.Quantity);
        Assert.Equal(11 * S, p.AveragePrice);
        Assert.Equal(50 * 4 * S, p.RealizedPnl); // 50 × (15 − 11)
        Assert.Equal((Int128)(150 * 11 * S), p.CostBasis);
    }

    [Fact]
    public void OnFill_ShortThenCover_RealizesReversedSign()
    {
        using var ledger = new PortfolioLedger(1, 1);
        ledger.OnFill(0, 0, Side.Sell, 200, 50 * S, 0);
        Assert.Equal(-200, ledger.GetPosition(0, 0).Quantity);
        Assert.Equal(50 * S, ledger.GetPosition(0, 0).AveragePrice);

        ledger.OnFill(0, 0, Side.Buy, 80, 45 * S, 0);
        PositionView p = ledger.GetPosition(0, 0);
        Assert.Equal(-120, p.Quantity);
        Assert.Equal(80 * 5 * S, p.RealizedPnl);
        Assert.Equal(50 * S, p.AveragePrice);

        ledger.OnFill(0, 0, Side.Buy, 120, 52 * S, 0);
        p = ledger.GetPosition(0, 0);
        Assert.True(p.IsFlat);
        Assert.Equal(Int128.Zero, p.CostBasis);
        Assert.Equal(80 * 5 * S - 120 * 2 * S, p.RealizedPnl);
    }

    [Fact]
    public void OnFill_CrossingThroughZero_ClosesThenOpensAtFillPrice()
    {
        using var ledger = new PortfolioLedger(1, 1);
        ledger.OnFill(0, 0, Side.Buy, 100, 20 * S, 0);
        ledger.OnFill(0, 0, Side.Sell, 150, 25 * S, 0);

        PositionView p = ledger.GetPosition(0, 0);
        Assert.Equal(-50, p.Quantity);
        Assert.Equal(100 * 5 * S, p.RealizedPnl);
        Assert.Equal(25 * S, p.AveragePrice);
        Assert.Equal((Int128)(-50 * 25 * S), p.CostBasis);

        // and back through zero the other way
        ledger.OnFill(0, 0, Side.Buy, 80, 24 * S, 0);
        p = ledger.GetPosition(0, 0);
        Assert.Equal(30, p.Quantity);
        Assert.Equal(100 * 5 * S + 50 * 1 * S, p.RealizedPnl);
        Assert.Equal(24 * S, p.AveragePrice);
    }

    [Fact]
    public void OnFill_Fees_AreSubtractedFromRealized()
    {
        using var ledger = new PortfolioLedger(1, 1);
        ledger.OnFill(0, 0, Side.Buy, 10, 100 * S, 3 * S / 100);
        Assert.Equal(-3 * S / 100, ledger.GetPosition(0, 0).RealizedPnl);

        ledger.OnFill(0, 0, Side.Sell, 10, 101 * S, 2 * S / 100);
        PositionView p = ledger.GetPosition(0, 0);
        Assert.Equal(10 * S - 5 * S / 100, p.RealizedPnl);
        Assert.Equal(5 * S / 100, p.Fees);
        Assert.Equal(5 * S / 100, ledger.Fees);
        Assert.Equal(10 * S - 5 * S / 100, ledger.RealizedPnl);
    }

    [Fact]
    public void OnFill_UnevenPartialCloses_RealizeExactCashFlowWhenFlat()
    {
        // cost 1 + 1 + 2 = 4 raw units for 3 units: average 1.333.. raw, rounds to 1
        using var ledger = new PortfolioLedger(1, 1);
        ledger.OnFill(0, 0, Side.Buy, 2, 1, 0);
        ledger.OnFill(0, 0, Side.Buy, 1, 2, 0);
        Assert.Equal(1, ledger.GetPosition(0, 0).AveragePrice);

        ledger.OnFill(0, 0, Side.Sell, 1, 10, 0); // releases trunc(4 × 1 / 3) = 1
        Assert.Equal(9, ledger.GetPosition(0, 0).RealizedPnl);
        Assert.Equal((Int128)3, ledger.GetPosition(0, 0).CostBasis);
        Assert.Equal(2, ledger.GetPosition(0, 0).AveragePrice); // 1.5 rounds half away from zero

        ledger.OnFill(0, 0, Side.Sell, 2, 10, 0); // releases the remaining 3
        Assert.Equal(30 - 4, ledger.GetPosition(0, 0).RealizedPnl);
        Assert.True(ledger.GetPosition(0, 0).IsFlat);
    }

    [Fact]
    public void OnFill_LargeNotional_DoesNotOverflowCostBasis()
    {
        using var ledger = new PortfolioLedger(1, 1);
        long price = 5_000_000 * S; // 5 million per unit
        ledger.OnFill(0, 0, Side.Buy, 10_000_000, price, 0);
        ledger.OnFill(0, 0, Side.Buy, 10_000_000, price + 2, 0);

        PositionView p = ledger.GetPosition(0, 0);
        Assert.Equal((Int128)price * 20_000_000 + 20_000_000, p.CostBasis);
        Assert.Equal(price + 1, p.AveragePrice);
        // notional 10^22 raw is beyond a long, the unrealized P&L is not: it comes from the 128-bit product
        ledger.OnMark(0, price + 3);
        Assert.Equal(40_000_000, ledger.GetPosition(0, 0).UnrealizedPnl);
        Assert.Equal(40_000_000, ledger.UnrealizedPnl);
        ledger.OnFill(0, 0, Side.Sell, 20_000_000, price + 1, 0);
        Assert.Equal(0, ledger.GetPosition(0, 0).RealizedPnl);
    }

    [Fact]
    public void OnFill_InvalidInput_ReturnsCodeAndChangesNothing()
    {
        using var ledger = new PortfolioLedger(2, 3);
        Assert.Equal(FillResult.UnknownStrategy, ledger.OnFill(2, 0, Side.Buy, 1, S, 0));
        Assert.Equal(FillResult.UnknownStrategy, ledger.OnFill(-1, 0, Side.Buy, 1, S, 0));
        Assert.Equal(FillResult.UnknownInstrument, ledger.OnFill(0, 3, Side.Buy, 1, S, 0));
        Assert.Equal(FillResult.InvalidQuantity, ledger.OnFill(0, 0, Side.Buy, 0, S, 0));
        Assert.Equal(FillResult.InvalidQuantity, ledger.OnFill(0, 0, Side.Sell, -5, S, 0));
        Assert.Equal(FillResult.InvalidSide, ledger.OnFill(0, 0, Side.NullValue, 1, S, 0));
        Assert.Equal(default, ledger.GetTotals());
        Assert.True(ledger.GetPosition(0, 0).IsFlat);
    }

    [Fact]
    public void Marks_MoveUnrealizedAndExposureOnly()
    {
        using var ledger = new PortfolioLedger(1, 2);
        ledger.OnFill(0, 0, Side.Buy, 100, 10 * S, 1 * S);
        ledger.OnFill(0, 1, Side.Sell, 40, 20 * S, 0);
        long realized = ledger.RealizedPnl;

        Assert.True(ledger.OnQuote(0, 11 * S, 13 * S)); // mid 12
        Assert.True(ledger.OnMark(1, 18 * S));

        Assert.Equal(realized, ledger.RealizedPnl);
        Assert.Equal(100 * 2 * S, ledger.GetPosition(0, 0).UnrealizedPnl);
        Assert.Equal(40 * 2 * S, ledger.GetPosition(0, 1).UnrealizedPnl);
        Assert.Equal(280 * S, ledger.UnrealizedPnl);
        Assert.Equal(100 * 12 * S + 40 * 18 * S, ledger.GrossExposure);
        Assert.Equal(100 * 12 * S - 40 * 18 * S, ledger.NetExposure);
        Assert.Equal(-1 * S + 280 * S, ledger.Equity);
    }

    [Fact]
    public void Marks_TradeIsIgnoredOnceQuoted_FillMarksOnlyUnmarkedInstruments()
    {
        using var ledger = new PortfolioLedger(1, 1);
        ledger.OnFill(0, 0, Side.Buy, 10, 10 * S, 0);
        Assert.Equal(MarkSource.Fill, ledger.GetMarkSource(0));
        Assert.Equal(10 * S, ledger.GetPosition(0, 0).Mark);

        Assert.True(ledger.OnTrade(0, 11 * S));
        ledger.OnFill(0, 0, Side.Buy, 10, 9 * S, 0);
        Assert.Equal(11 * S, ledger.GetPosition(0, 0).Mark);

        Assert.True(ledger.OnQuote(0, 12 * S, 12 * S + 3)); // mid rounds down: 12 + 1 raw
        Assert.False(ledger.OnTrade(0, 1 * S));
        Assert.Equal(12 * S + 1, ledger.GetPosition(0, 0).Mark);
        Assert.False(ledger.OnQuote(0, 13 * S, 12 * S)); // crossed
        Assert.False(ledger.OnMark(1, S));
    }

    [Fact]
    public void Totals_EqualSumOverStrategies_AndInstrumentAggregates()
    {
        using var ledger = new PortfolioLedger(3, 2);
        ledger.OnFill(0, 0, Side.Buy, 100, 10 * S, 1);
        ledger.OnFill(1, 0, Side.Sell, 60, 11 * S, 2);
        ledger.OnFill(2, 1, Side.Buy, 5, 200 * S, 3);
        ledger.OnFill(0, 0, Side.Sell, 30, 12 * S, 4);
        ledger.OnFill(1, 1, Side.Sell, 7, 210 * S, 5);
        ledger.OnMark(0, 105 * S / 10);
        ledger.OnMark(1, 205 * S);

        long realized = 0, unrealized = 0, fees = 0;
        for (int s = 0; s < 3; s++)
        {
            StrategyPnl pnl = ledger.GetStrategyPnl(s);
            realized += pnl.RealizedPnl;
            unrealized += pnl.UnrealizedPnl;
            fees += pnl.Fees;
        }

        Assert.Equal(ledger.RealizedPnl, realized);
        Assert.Equal(ledger.UnrealizedPnl, unrealized);
        Assert.Equal(ledger.Fees, fees);

        for (int i = 0; i < 2; i++)
        {
            PositionView aggregate = ledger.GetInstrumentPosition(i);
            long quantity = 0, instrumentRealized = 0, instrumentUnrealized = 0;
            for (int s = 0; s < 3; s++)
            {
                PositionView p = ledger.GetPosition(s, i);
                quantity += p.Quantity;
                instrumentRealized += p.RealizedPnl;
                instrumentUnrealized += p.UnrealizedPnl;
            }

            Assert.Equal(quantity, aggregate.Quantity);
            Assert.Equal(instrumentRealized, aggregate.RealizedPnl);
            Assert.Equal(instrumentUnrealized, aggregate.UnrealizedPnl);
        }

        // net positions: instrument 0: 70 − 60 = 10 at 10.5; instrument 1: 5 − 7 = −2 at 205
        Assert.Equal(10 * 105 * S / 10 + 2 * 205 * S, ledger.GrossExposure);
        Assert.Equal(10 * 105 * S / 10 - 2 * 205 * S, ledger.NetExposure);
    }

    [Fact]
    public void StartNewDay_ResetsDailyPnl_ButNotTotalsOrHighWaterMark()
    {
        using var ledger = new PortfolioLedger(2, 1);
        ledger.OnFill(0, 0, Side.Buy, 10, 100 * S, 0);
        ledger.OnMark(0, 110 * S);
        Assert.Equal(100 * S, ledger.DailyPnl);

        ledger.StartNewDay();
        Assert.Equal(0, ledger.DailyPnl);
        Assert.Equal(0, ledger.GetStrategyPnl(0).DailyPnl);
        Assert.Equal(100 * S, ledger.Equity);
        Assert.Equal(100 * S, ledger.HighWaterMark);

        ledger.OnMark(0, 105 * S);
        ledger.OnFill(1, 0, Side.Sell, 4, 105 * S, 1 * S);
        Assert.Equal(-51 * S, ledger.DailyPnl);
        Assert.Equal(-50 * S, ledger.GetStrategyPnl(0).DailyPnl);
        Assert.Equal(-1 * S, ledger.GetStrategyPnl(1).DailyPnl);
        Assert.Equal(ledger.GetTotals().DailyPnl, ledger.DailyPnl);
    }

    [Fact]
    public void HighWaterMark_TracksPeakEquity_DrawdownFromIt()
    {
        using var ledger = new PortfolioLedger(1, 1);
        ledger.OnFill(0, 0, Side.Buy, 10, 100 * S, 0);
        Assert.Equal(0, ledger.HighWaterMark);

        ledger.OnMark(0, 120 * S);
        Assert.Equal(200 * S, ledger.HighWaterMark);
        Assert.Equal(0, ledger.Drawdown);

        ledger.OnMark(0, 90 * S);
        Assert.Equal(200 * S, ledger.HighWaterMark);
        Assert.Equal(300 * S, ledger.Drawdown);
        Assert.Equal(300 * S, ledger.MaxDrawdown);

        ledger.OnMark(0, 110 * S);
        Assert.Equal(100 * S, ledger.Drawdown);
        Assert.Equal(300 * S, ledger.MaxDrawdown);

        ledger.OnFill(0, 0, Side.Sell, 10, 130 * S, 0);
        Assert.Equal(300 * S, ledger.HighWaterMark);
        Assert.Equal(0, ledger.Drawdown);
        Assert.Equal(300 * S, ledger.RealizedPnl);
        Assert.Equal(0, ledger.UnrealizedPnl);
    }

    [Fact]
    public void Reconcile_SameFills_Matches_DifferentFills_ReportsFirstMismatch()
    {
        FillRecord[] fills =
        [
            new(0, 0, Side.Buy, 10, 100 * S, 1),
            new(1, 1, Side.Sell, 5, 50 * S, 2),
            new(0, 0, Side.Sell, 15, 101 * S, 3),
        ];
        using var ledger = new PortfolioLedger(2, 2);
        Assert.Equal(0, ledger.ApplyFills(fills));
        ledger.OnMark(0, 99 * S);

        Assert.True(ledger.Reconcile(fills).IsMatch);

        ReconciliationResult missing = ledger.Reconcile(fills.AsSpan(0, 2));
        Assert.False(missing.IsMatch);
        Assert.Equal(1, missing.MismatchCount);
        Assert.Equal((0, 0), (missing.FirstStrategyId, missing.FirstInstrumentId));

        FillRecord[] withBad = [.. fills, new(5, 0, Side.Buy, 1, S, 0)];
        Assert.Equal(1, ledger.Reconcile(withBad).RejectedFills);
    }

    [Fact]
    public void Quotes_OnAFlatInstrument_MoveItsMarkButNoTotal()
    {
        using var ledger = new PortfolioLedger(1, 2);
        ledger.OnFill(0, 0, Side.Buy, 100, 20 * S, 0);
        ledger.OnQuote(0, 22 * S, 22 * S);             // +200 unrealized: a new high-water mark
        ledger.OnFill(0, 0, Side.Sell, 100, 19 * S, 0); // closed at −100: drawdown from the high-water mark
        ledger.OnQuote(1, 50 * S, 50 * S);
        ledger.OnFill(0, 1, Side.Sell, 10, 50 * S, 0);  // a short elsewhere keeps some exposure open
        long realized = ledger.RealizedPnl, unrealized = ledger.UnrealizedPnl;
        long gross = ledger.GrossExposure, net = ledger.NetExposure;
        long highWater = ledger.HighWaterMark, maxDrawdown = ledger.MaxDrawdown;

        Assert.True(ledger.OnQuote(0, 30 * S, 31 * S));
        Assert.True(ledger.OnQuote(0, 10 * S, 11 * S));

        Assert.Equal(10 * S + S / 2, ledger.GetInstrumentPosition(0).Mark);
        Assert.Equal(0, ledger.GetInstrumentPosition(0).Quantity);
        Assert.Equal((realized, unrealized, gross, net), (ledger.RealizedPnl, ledger.UnrealizedPnl, ledger.GrossExposure, ledger.NetExposure));
        Assert.Equal((highWater, maxDrawdown), (ledger.HighWaterMark, ledger.MaxDrawdown));
        Assert.Equal(-10 * 50 * S, ledger.NetExposure);
        Assert.Equal(300 * S, ledger.MaxDrawdown);
    }
}
