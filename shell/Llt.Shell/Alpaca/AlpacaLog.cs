using Microsoft.Extensions.Logging;

namespace Llt.Shell.Alpaca;

/// <summary>Every message the Alpaca adapters log (source-generated; keys never appear in any of them).</summary>
internal static partial class AlpacaLog
{
    [LoggerMessage(700, LogLevel.Information, "alpaca stream: connecting to {Url}")]
    public static partial void Connecting(ILogger logger, Uri url);

    [LoggerMessage(701, LogLevel.Information, "alpaca stream: streaming {Trades} trade, {Quotes} quote and {Bars} bar subscriptions in {Format} frames")]
    public static partial void Subscribed(ILogger logger, int trades, int quotes, int bars, AlpacaStreamFormat format);

    [LoggerMessage(702, LogLevel.Error, "alpaca stream: server error {Code}: {Message}")]
    public static partial void ServerError(ILogger logger, int code, string message);

    [LoggerMessage(703, LogLevel.Warning, "alpaca stream: disconnected ({Reason}); reconnecting in {Delay}")]
    public static partial void Disconnected(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(704, LogLevel.Warning, "alpaca stream: malformed message: {Why}")]
    public static partial void Malformed(ILogger logger, string why);

    [LoggerMessage(705, LogLevel.Warning, "alpaca venue: replace of order {OrigClOrdId} as {ClOrdId} refused: {Why}")]
    public static partial void ReplaceRefused(ILogger logger, long origClOrdId, long clOrdId, string why);

    [LoggerMessage(706, LogLevel.Warning, "alpaca venue: order {ClOrdId} replaced while more of the old order filled than was known: {Excess} can fill beyond its total of {Qty}")]
    public static partial void ReplacementOversized(ILogger logger, long clOrdId, long excess, long qty);

    [LoggerMessage(707, LogLevel.Warning, "alpaca venue: order {ClOrdId} was replaced at alpaca without a replace from the engine; its replacement is not tracked")]
    public static partial void ReplacedUnasked(ILogger logger, long clOrdId);
}
