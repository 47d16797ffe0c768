using Llt.Hotpath.Config;
using Llt.Hotpath.Portfolio;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Portfolio;

public sealed class PortfolioAllocationTests
{
    [Fact]
    public void OnFillAndMarks_AfterWarmUp_AllocateNothing()
    {
        using var ledger = new PortfolioLedger(2, 100);
        Run(ledger);

        long before = GC.GetAllocatedBytesForCurrentThread();
        long checksum = Run(ledger);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
        Assert.NotEqual(0, checksum);
    }

    [Fact]
    public void Snapshots_AfterWarmUp_AllocateNothing()
    {
        using var ledger = new PortfolioLedger(2, 100);
        Run(ledger);
        var buffer = new byte[ledger.PnlSnapshotLength];
        ledger.WritePnlSnapshot(buffer, 0, 1);
        ledger.WritePositionSnapshot(buffer, 0, 1, 7, 1);
        ledger.StartNewDay();

        long before = GC.GetAllocatedBytesForCurrentThread();
        ledger.WritePnlSnapshot(buffer, 0, 2);
        ledger.WritePositionSnapshot(buffer, 0, 1, 7, 2);
        ledger.StartNewDay();
        PortfolioTotals totals = ledger.GetTotals();
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
        Assert.NotEqual(default, totals);
    }

    private static long Run(PortfolioLedger ledger)
    {
        long checksum = 0;
        for (int n = 0; n < 10_000; n++)
        {
            int instrument = n % 100;
            // sizes 1..7 against a drifting price: opens, partial closes and flips all occur
            Side side = (n * 7 % 11) < 5 ? Side.Buy : Side.Sell;
            long price = (100 + n % 13) * FixedPoint.Scale + n;
            ledger.OnFill(n & 1, instrument, side, 1 + n % 7, price, 3);
            ledger.OnQuote(instrument, price - 1_000_000, price + 1_000_000);
            ledger.OnTrade(instrument, price);
            ledger.OnMark((instrument + 1) % 100, price);
            checksum += ledger.Equity;
        }

        return checksum;
    }
}
