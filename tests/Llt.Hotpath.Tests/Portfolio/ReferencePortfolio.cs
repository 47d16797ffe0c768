using System.Numerics;
using Llt.Hotpath.Portfolio;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Portfolio;

/// <summary>
/// Slow, obviously-correct model of the ledger in BigInteger: average-cost accounting with the documented rule
/// (released cost = trunc(basis × closed / open)), plus the raw cash flows of every position so tests can check
/// the rule-independent fact that a flat position has realized exactly Σ sells − Σ buys − fees.
/// </summary>
internal sealed class ReferencePortfolio
{
    private readonly int _strategyCount;

    public ReferencePortfolio(int strategyCount, int instrumentCount)
    {
        _strategyCount = strategyCount;
        Quantity = new BigInteger[strategyCount * instrumentCount];
        CostBasis = new BigInteger[strategyCount * instrumentCount];
        Realized = new BigInteger[strategyCount * instrumentCount];
        CashFlow = new BigInteger[strategyCount * instrumentCount];
        Marks = new BigInteger[instrumentCount];
        Marked = new bool[instrumentCount];
    }

    public BigInteger[] Quantity { get; }

    public BigInteger[] CostBasis { get; }

    public BigInteger[] Realized { get; }

    /// <summary>Σ sell notional − Σ buy notional − fees: equals realized whenever the position is flat.</summary>
    public BigInteger[] CashFlow { get; }

    public BigInteger[] Marks { get; }

    public bool[] Marked { get; }

    public int Index(int strategyId, int instrumentId) => instrumentId * _strategyCount + strategyId;

    public void Apply(FillRecord fill)
    {
        int k = Index(fill.StrategyId, fill.InstrumentId);
        BigInteger signed = fill.Side == Side.Buy ? fill.Quantity : -fill.Quantity;
        BigInteger remaining = signed;
        Realized[k] -= fill.Fee;
        CashFlow[k] += -signed * fill.Price - fill.Fee;
        if (Quantity[k] != 0 && Quantity[k].Sign != signed.Sign)
        {
            BigInteger open = BigInteger.Abs(Quantity[k]);
            BigInteger close = BigInteger.Min(open, BigInteger.Abs(signed));
            BigInteger released = BigInteger.Divide(CostBasis[k] * close, open);
            BigInteger closedSigned = Quantity[k].Sign * close;
            Realized[k] += closedSigned * fill.Price - released;
            CostBasis[k] -= released;
            Quantity[k] -= closedSigned;
            remaining = signed + closedSigned;
        }

        CostBasis[k] += remaining * fill.Price;
        Quantity[k] += remaining;
        if (!Marked[fill.InstrumentId])
        {
            Marks[fill.InstrumentId] = fill.Price;
            Marked[fill.InstrumentId] = true;
        }
    }

    public void Mark(int instrumentId, long price)
    {
        Marks[instrumentId] = price;
        Marked[instrumentId] = true;
    }

    public BigInteger Unrealized(int strategyId, int instrumentId)
    {
        int k = Index(strategyId, instrumentId);
        return Quantity[k] * Marks[instrumentId] - CostBasis[k];
    }
}
