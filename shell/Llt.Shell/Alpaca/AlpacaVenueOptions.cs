namespace Llt.Shell.Alpaca;

/// <summary>
/// Alpaca trading as an engine venue: the engine's venue id (its index in <c>venues[]</c>, type external), the
/// trading API base URL (ALPACA_BASE_URL; default the paper endpoint), the trade-updates stream URL (derived from
/// it: wss://host/stream) and the keys (ALPACA_API_KEY / ALPACA_SECRET_KEY).
/// </summary>
public sealed record AlpacaVenueOptions
{
    public const string DefaultBaseUrl = "https://paper-api.alpaca.markets";

    public int VenueId { get; init; }

    public Uri BaseUrl { get; init; } = new(DefaultBaseUrl);

    public Uri StreamUrl => new UriBuilder(BaseUrl) { Scheme = BaseUrl.Scheme == "http" ? "ws" : "wss", Path = "stream", Port = BaseUrl.IsDefaultPort ? -1 : BaseUrl.Port }.Uri;

    public required string KeyId { get; init; }

    public required string SecretKey { get; init; }
}
