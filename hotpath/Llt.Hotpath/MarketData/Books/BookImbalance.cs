namespace Llt.Hotpath.MarketData.Books;

/// <summary>Size imbalance (bid − ask) / (bid + ask) in [-1, 1], shared by the L2 and L3 books.</summary>
internal static class BookImbalance
{
    /// <summary>0 when both sides are empty, so callers never see NaN.</summary>
    public static double Of(long bidSize, long askSize)
    {
        long total = bidSize + askSize;
        return total == 0 ? 0.0 : (double)(bidSize - askSize) / total;
    }
}
