using Llt.Shell.Api;

namespace Llt.Shell.Tests.Api;

/// <summary>
/// The examples of docs/API.md, compiled and run by <see cref="ApiExamplesTests"/>; the test also checks every
/// C# block of the page appears here verbatim, so the page cannot drift from code that works.
/// </summary>
internal static class ApiExamples
{
    public static async Task<(RiskMetrics? Metrics, bool EngineWasRunning)> StartSetLimitsReadMetrics(PlatformStartOptions options)
    {
        // example: start
        await using TradingPlatform platform = await TradingPlatform.StartAsync(options);
        platform.Risk.SetPositionLimit("AAPL", 5000);
        platform.Risk.SetVolatilityLimit("AAPL", 0.02m);
        platform.Risk.SetLiquidityLimit("AAPL", 0.1m);
        // end example

        // example: metrics
        RiskMetrics? metrics = platform.Risk.GetRiskMetrics();
        if (metrics is not null)
        {
            Console.WriteLine($"VaR 95%: {metrics.Var95}  VaR 99%: {metrics.Var99}  max drawdown: {metrics.MaxDrawdown}");
        }
        // end example

        for (int i = 0; i < 100 && metrics is null; i++)
        {
            await Task.Delay(100); // the engine computes them on its timer
            metrics = platform.Risk.GetRiskMetrics();
        }

        return (metrics, platform.IsEngineRunning);
    }

    public static async Task<string> RefusedLimit(PlatformStartOptions options)
    {
        await using TradingPlatform platform = await TradingPlatform.StartAsync(options);
        // example: refused
        try
        {
            platform.Risk.SetPositionLimit("NOPE", 100);
        }
        catch (PlatformException e)
        {
            Console.WriteLine($"not applied: {e.Message}");
            return e.Message;
        }
        // end example

        return "";
    }
}
