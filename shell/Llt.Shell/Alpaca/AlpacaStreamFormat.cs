namespace Llt.Shell.Alpaca;

/// <summary>How Alpaca's market data stream encodes its frames (ALPACA_DATA_STREAM_FORMAT).</summary>
public enum AlpacaStreamFormat
{
    /// <summary>Text frames of JSON.</summary>
    Json,

    /// <summary>Binary frames of MessagePack, asked for with <c>Content-Type: application/msgpack</c> on the upgrade.</summary>
    MessagePack,
}
