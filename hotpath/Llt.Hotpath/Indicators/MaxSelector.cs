using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Indicators;

internal readonly struct MaxSelector : IExtremeSelector
{
    // a plain comparison: Math.Max also orders -0/+0 and propagates NaN, which costs instructions we do not need
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Select(double candidate, double current) => candidate >= current ? candidate : current;
}
