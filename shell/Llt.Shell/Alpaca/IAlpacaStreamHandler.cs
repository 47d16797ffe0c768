namespace Llt.Shell.Alpaca;

/// <summary>What <see cref="AlpacaStreamParser"/> (JSON) or <see cref="AlpacaMessagePackParser"/> found in a frame, one call per message, the same for both.</summary>
public interface IAlpacaStreamHandler
{
    /// <summary>"connected" on connect, "authenticated" after auth.</summary>
    void OnSuccess(string message);

    /// <summary>An error the server reported (400 invalid syntax, 401 not authenticated, 402 auth failed, 403 already authenticated, 404 auth timeout, 405 symbol limit, 406 connection limit, 407 slow client, 409 insufficient subscription, 410 invalid subscribe action, 500 internal).</summary>
    void OnError(int code, string message);

    /// <summary>The server's view of the subscription after a subscribe or unsubscribe.</summary>
    void OnSubscription(IReadOnlyList<string> trades, IReadOnlyList<string> quotes, IReadOnlyList<string> bars);

    void OnTrade(in AlpacaTrade trade);

    void OnQuote(in AlpacaQuote quote);

    void OnBar(in AlpacaBar bar);

    /// <summary>A documented message the platform reads but does not trade on (status, corrections, LULD, news).</summary>
    void OnOther(string type, string? symbol);

    void OnMalformed(string why);
}
