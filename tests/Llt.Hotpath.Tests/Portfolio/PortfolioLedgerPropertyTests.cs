using System.Numerics;
using CsCheck;
using Llt.Hotpath.Portfolio;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Portfolio;

/// <summary>
/// Random fills and marks over a few strategies and instruments, applied to the ledger and to
/// <see cref="ReferencePortfolio"/>; after every step every position, every aggregate and every total must agree
/// exactly, flat positions must have realized exactly their cash flows, and at the end the reconciliation from
/// the same fills must match. Small quantities make closes, partial closes and flips frequent; the wide
/// case (prices ±1000.00, up to 500k units a fill, negative prices included) keeps every notional inside the
/// documented long range; products beyond 64 bits are pinned by OnFill_LargeNotional_DoesNotOverflowCostBasis.
/// </summary>
public sealed class PortfolioLedgerPropertyTests
{
    private const int Strategies = 3;
    private const int Instruments = 4;

    [Theory]
    [InlineData(1L, 20L, 1L, 1_000L, 1_000)]
    [InlineData(1L, 500_000L, -100_000_000_000L, 100_000_000_000L, 300)]
    public void RandomFillsAndMarks_AgreeWithReferenceAndReconcile(long minQty, long maxQty, long minPrice, long maxPrice, int iterations)
    {
        Gen<(bool IsMark, FillRecord Fill)> genStep = Gen.Select(
                Gen.Frequency((4, false), (1, true)),
                Gen.Int[0, Strategies - 1],
                Gen.Int[0, Instruments - 1],
                Gen.Bool,
                Gen.Long[minQty, maxQty],
                Gen.Long[minPrice, maxPrice],
                Gen.Long[-3, 50])
            .Select((isMark, strategy, instrument, buy, qty, price, fee) =>
                (isMark, new FillRecord(strategy, instrument, buy ? Side.Buy : Side.Sell, qty, price, fee)));

        genStep.Array[1, 120].Sample(steps =>
        {
            using var ledger = new PortfolioLedger(Strategies, Instruments);
            var model = new ReferencePortfolio(Strategies, Instruments);
            var fills = new List<FillRecord>();
            foreach ((bool isMark, FillRecord fill) in steps)
            {
                if (isMark)
                {
                    Assert.True(ledger.OnMark(fill.InstrumentId, fill.Price));
                    model.Mark(fill.InstrumentId, fill.Price);
                }
                else
                {
                    Assert.Equal(FillResult.Applied, ledger.OnFill(fill.StrategyId, fill.InstrumentId, fill.Side, fill.Quantity, fill.Price, fill.Fee));
                    model.Apply(fill);
                    fills.Add(fill);
                }

                AssertSame(model, ledger);
            }

            Assert.True(ledger.Reconcile(fills.ToArray()).IsMatch);
        }, iter: iterations);
    }

    private static void AssertSame(ReferencePortfolio model, PortfolioLedger ledger)
    {
        BigInteger realized = 0, unrealized = 0, gross = 0, net = 0;
        for (int i = 0; i < Instruments; i++)
        {
            BigInteger instrumentQuantity = 0;
            for (int s = 0; s < Strategies; s++)
            {
                int k = model.Index(s, i);
                PositionView p = ledger.GetPosition(s, i);
                Assert.Equal(model.Quantity[k], (BigInteger)p.Quantity);
                Assert.Equal(model.CostBasis[k], (BigInteger)p.CostBasis);
                Assert.Equal(model.Realized[k], (BigInteger)p.RealizedPnl);
                Assert.Equal(model.Unrealized(s, i), (BigInteger)p.UnrealizedPnl);
                if (p.IsFlat)
                {
                    Assert.Equal(model.CashFlow[k], (BigInteger)p.RealizedPnl);
                }
                else
                {
                    Assert.Equal(RoundHalfAwayFromZero(model.CostBasis[k], model.Quantity[k]), (BigInteger)p.AveragePrice);
                }

                realized += model.Realized[k];
                unrealized += model.Unrealized(s, i);
                instrumentQuantity += model.Quantity[k];
            }

            Assert.Equal(instrumentQuantity, (BigInteger)ledger.GetInstrumentPosition(i).Quantity);
            gross += BigInteger.Abs(instrumentQuantity * model.Marks[i]);
            net += instrumentQuantity * model.Marks[i];
        }

        Assert.Equal(realized, (BigInteger)ledger.RealizedPnl);
        Assert.Equal(unrealized, (BigInteger)ledger.UnrealizedPnl);
        Assert.Equal(gross, (BigInteger)ledger.GrossExposure);
        Assert.Equal(net, (BigInteger)ledger.NetExposure);
        Assert.True(ledger.HighWaterMark >= ledger.Equity && ledger.HighWaterMark >= 0);
        Assert.True(ledger.MaxDrawdown >= ledger.Drawdown);
    }

    private static BigInteger RoundHalfAwayFromZero(BigInteger numerator, BigInteger denominator)
    {
        BigInteger quotient = BigInteger.DivRem(numerator, denominator, out BigInteger remainder);
        if (BigInteger.Abs(remainder) * 2 >= BigInteger.Abs(denominator))
        {
            quotient += numerator.Sign == denominator.Sign ? 1 : -1;
        }

        return quotient;
    }
}
