using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Feeds.Sequencing;

/// <summary>Throw sites of sequencing (construction only), out of line so callers stay small.</summary>
internal static class SequencingThrowHelper
{
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowArgumentOutOfRange(string paramName, long value, string message) =>
        throw new ArgumentOutOfRangeException(paramName, value, message);
}
