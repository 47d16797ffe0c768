using System.Net;

namespace Llt.Shell.Alpaca;

/// <summary>A non-success answer from Alpaca's trading API: HTTP status, Alpaca's code and message, and Retry-After when rate limited.</summary>
public sealed class AlpacaApiException(HttpStatusCode status, int code, string message, TimeSpan? retryAfter)
    : Exception($"alpaca {(int)status}{(code != 0 ? $" ({code})" : "")}: {message}")
{
    public HttpStatusCode Status { get; } = status;

    public int Code { get; } = code;

    public string AlpacaMessage { get; } = message;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>429 and 5xx: worth trying again; 4xx otherwise: the request itself is refused.</summary>
    public bool IsTransient => Status == HttpStatusCode.TooManyRequests || (int)Status >= 500;
}
