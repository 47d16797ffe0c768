using Llt.Shell.Alpaca;

namespace Llt.Shell.Configuration;

/// <summary>Alpaca broker/feed adapter credentials and endpoints (ALPACA_*); usable when both keys are set.</summary>
/// <param name="DataStreamFormat">ALPACA_DATA_STREAM_FORMAT: the market data frames asked for.</param>
public sealed record AlpacaSettings(string ApiKey, string SecretKey, Uri BaseUrl, Uri DataStreamUrl, AlpacaStreamFormat DataStreamFormat = AlpacaStreamFormat.MessagePack)
{
    public bool Enabled => ApiKey.Length > 0 && SecretKey.Length > 0;
}
