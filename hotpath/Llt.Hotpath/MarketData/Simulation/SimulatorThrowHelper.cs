using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Llt.Hotpath.Config;

namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>Throws for the simulator, kept out of line so callers stay small and inlinable (STYLE.md §3).</summary>
internal static class SimulatorThrowHelper
{
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowArgument(string paramName, string message)
    {
        throw new ArgumentException(message, paramName);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowConfig(string key, string problem)
    {
        throw new ConfigException(key, problem);
    }
}
