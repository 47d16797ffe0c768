namespace Llt.Hotpath.Risk;

/// <summary>
/// Volatility-scaled sizing: keeps an order's risk (qty × sigma) at or below what <c>qty</c> would carry at
/// <c>targetSigma</c>. qty' = qty × min(1, targetSigma / sigma), rounded down to the lot; never scales up, so a calm
/// market does not enlarge a strategy's order. Integer math only; sigma in fixed-point 10^-8 fractions.
/// </summary>
public static class VolatilitySizing
{
    /// <summary>Scaled quantity: unchanged when sigma ≤ target or unknown (0), 0 when it rounds below one lot.</summary>
    public static long Scale(long qty, long sigma, long targetSigma, long lotSize)
    {
        if (qty <= 0 || lotSize <= 0 || targetSigma <= 0)
        {
            return 0;
        }

        if (sigma <= targetSigma)
        {
            return qty;
        }

        // qty × target / sigma in 128 bits: qty × target can exceed a long
        Int128 scaled = (Int128)qty * targetSigma / sigma;
        long lots = (long)(scaled / lotSize);
        return lots * lotSize;
    }
}
