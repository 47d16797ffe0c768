namespace Llt.Shell.Configuration;

/// <summary>Alpaca broker/feed adapter credentials and endpoints (ALPACA_*); usable when both keys are set.</summary>
public sealed record AlpacaSettings(string ApiKey, string SecretKey, Uri BaseUrl, Uri DataStreamUrl)
{
    public bool Enabled => ApiKey.Length > 0 && SecretKey.Length > 0;
}
