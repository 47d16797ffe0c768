namespace Llt.Shell.Alpaca;

/// <summary>Where the connection to Alpaca's data stream is.</summary>
public enum AlpacaStreamState
{
    Disconnected,
    Connecting,
    Authenticating,
    Subscribing,
    Streaming,

    /// <summary>The server refused the keys (402) or the plan (409): retried at the slowest pace, loudly.</summary>
    Refused,
}
