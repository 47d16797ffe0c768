namespace Llt.Hotpath.Tests.Indicators;

/// <summary>
/// A long-running numerical test (seconds in Debug), skipped unless LLT_STABILITY=1, so the default
/// <c>--filter FullyQualifiedName~Indicators</c> run stays short. Run it with
/// <c>LLT_STABILITY=1 dotnet test tests/Llt.Hotpath.Tests -c Release --filter "Category=Stability"</c>.
/// </summary>
public sealed class StabilityFactAttribute : FactAttribute
{
    public StabilityFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("LLT_STABILITY") != "1")
        {
            Skip = "long-running stability test: set LLT_STABILITY=1 to run it";
        }
    }
}
