using Microsoft.Extensions.Logging;

namespace Llt.Shell.Logging;

/// <summary>The scope names every component uses, so JSON logs can be filtered by component, symbol or order id.</summary>
public static class LogScopes
{
    public const string Component = "component";
    public const string Symbol = "symbol";
    public const string OrderId = "orderId";

    public static IDisposable? BeginComponent(this ILogger logger, string component) =>
        logger.BeginScope(new Dictionary<string, object?> { [Component] = component });

    public static IDisposable? BeginSymbolOrder(this ILogger logger, string? symbol, long? orderId)
    {
        var scope = new Dictionary<string, object?>();
        if (symbol is not null)
        {
            scope[Symbol] = symbol;
        }

        if (orderId is not null)
        {
            scope[OrderId] = orderId;
        }

        return logger.BeginScope(scope);
    }
}
