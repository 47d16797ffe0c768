using Llt.Hotpath.Config;
using Llt.Hotpath.Portfolio;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Portfolio;

public sealed class PortfolioSnapshotTests
{
    private const long S = FixedPoint.Scale;

    [Fact]
    public void WritePositionSnapshot_DecodesToThePosition_FlatHasNullAverage()
    {
        using var ledger = new PortfolioLedger(2, 3);
        ledger.OnFill(1, 2, Side.Sell, 30, 40 * S, 5);
        ledger.OnMark(2, 39 * S);
        var buffer = new byte[128];

        int length = ledger.WritePositionSnapshot(buffer, 8, 1, 2, 123_456);
        Assert.Equal(PortfolioLedger.PositionSnapshotLength, length);
        var d = PositionSnapshotDecoder.Decode(buffer.AsSpan(0, 8 + length), 8);
        Assert.Equal(2, d.InstrumentId);
        Assert.Equal(1, d.StrategyId);
        Assert.Equal(-30, d.Position);
        Assert.Equal(40 * S, d.AvgPrice);
        Assert.Equal(-5, d.RealizedPnl);
        Assert.Equal(30 * S, d.UnrealizedPnl);
        Assert.Equal(123_456UL, d.Ts);

        ledger.WritePositionSnapshot(buffer, 0, 0, 0, 1);
        Assert.Equal(PositionSnapshotDecoder.AvgPriceNullValue, PositionSnapshotDecoder.Decode(buffer, 0).AvgPrice);
    }

    [Fact]
    public void WritePnlSnapshot_CarriesTotalsAndOneEntryPerStrategy()
    {
        using var ledger = new PortfolioLedger(2, 1);
        ledger.OnFill(0, 0, Side.Buy, 10, 100 * S, 1 * S);
        ledger.OnFill(1, 0, Side.Sell, 4, 100 * S, 0);
        ledger.OnMark(0, 101 * S);
        var buffer = new byte[ledger.PnlSnapshotLength];

        int length = ledger.WritePnlSnapshot(buffer, 0, 99);
        Assert.Equal(ledger.PnlSnapshotLength, length);
        var d = PnlSnapshotDecoder.Decode(buffer, 0);
        PortfolioTotals totals = ledger.GetTotals();
        Assert.Equal(totals.RealizedPnl, d.RealizedPnl);
        Assert.Equal(totals.UnrealizedPnl, d.UnrealizedPnl);
        Assert.Equal(totals.DailyPnl, d.DailyPnl);
        Assert.Equal(totals.HighWaterMark, d.HighWaterMark);
        Assert.Equal(totals.Drawdown, d.Drawdown);
        Assert.Equal(totals.GrossExposure, d.GrossExposure);
        Assert.Equal(totals.NetExposure, d.NetExposure);
        Assert.Equal(99UL, d.Ts);

        int count = 0;
        foreach (var entry in d.Strategies())
        {
            StrategyPnl expected = ledger.GetStrategyPnl(entry.StrategyId);
            Assert.Equal(expected.RealizedPnl, entry.RealizedPnl);
            Assert.Equal(expected.UnrealizedPnl, entry.UnrealizedPnl);
            count++;
        }

        Assert.Equal(2, count);
        Assert.Equal(10 * S, ledger.GetStrategyPnl(0).UnrealizedPnl);
        Assert.Equal(-4 * S, ledger.GetStrategyPnl(1).UnrealizedPnl);
    }
}
