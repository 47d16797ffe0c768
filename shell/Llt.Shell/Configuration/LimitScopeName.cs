using Llt.Sbe;

namespace Llt.Shell.Configuration;

/// <summary>Operator names of the engine's limit scopes: symbol, strategy, portfolio.</summary>
public static class LimitScopeName
{
    public const string Names = "symbol, strategy, portfolio";

    public static bool TryParse(string text, out LimitScope scope)
    {
        switch (text.ToLowerInvariant())
        {
            case "symbol" or "instrument":
                scope = LimitScope.Instrument;
                return true;
            case "strategy":
                scope = LimitScope.Strategy;
                return true;
            case "portfolio":
                scope = LimitScope.Portfolio;
                return true;
            default:
                scope = LimitScope.NullValue;
                return false;
        }
    }

    public static string Of(LimitScope scope) => scope switch
    {
        LimitScope.Instrument => "symbol",
        LimitScope.Strategy => "strategy",
        _ => "portfolio",
    };
}
