using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Portfolio;

/// <summary>Throw sites of the portfolio code, out of line so the callers stay small.</summary>
internal static class PortfolioThrowHelper
{
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowArgumentOutOfRange(string paramName, long value, string message) =>
        throw new ArgumentOutOfRangeException(paramName, value, message);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowArgument(string paramName, string message) => throw new ArgumentException(message, paramName);

    public static void CheckId(int id, int count, string paramName)
    {
        if ((uint)id >= (uint)count)
        {
            ThrowArgumentOutOfRange(paramName, id, $"must be in [0, {count})");
        }
    }
}
