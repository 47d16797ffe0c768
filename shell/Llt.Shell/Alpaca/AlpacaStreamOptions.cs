namespace Llt.Shell.Alpaca;

/// <summary>
/// Where and what to stream from Alpaca's market data stream v2. The URL comes from ALPACA_DATA_STREAM_URL (default
/// the documented IEX endpoint), the frame encoding from ALPACA_DATA_STREAM_FORMAT, keys from ALPACA_API_KEY /
/// ALPACA_SECRET_KEY: never from code, never logged.
/// </summary>
public sealed record AlpacaStreamOptions
{
    public const string DefaultUrl = "wss://stream.data.alpaca.markets/v2/iex";

    public Uri Url { get; init; } = new(DefaultUrl);

    public required string KeyId { get; init; }

    public required string SecretKey { get; init; }

    /// <summary>
    /// The frames asked for (ALPACA_DATA_STREAM_FORMAT). MessagePack by default: Alpaca's own SDKs use it, and it is
    /// smaller and cheaper to read than JSON (no number or date text to parse). Either way, the client reads text
    /// frames as JSON and binary frames as MessagePack, and answers in what the server's "connected" frame was.
    /// </summary>
    public AlpacaStreamFormat Format { get; init; } = AlpacaStreamFormat.MessagePack;

    public IReadOnlyList<string> Trades { get; init; } = [];

    public IReadOnlyList<string> Quotes { get; init; } = [];

    public IReadOnlyList<string> Bars { get; init; } = [];

    /// <summary>The feedId the ticks carry on md.ring (failover tells feeds apart by it).</summary>
    public byte FeedId { get; init; } = 20;

    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long each step of the handshake (connected, authenticated, subscription) may take.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest frame accepted; a bigger one is malformed and the connection is dropped.</summary>
    public int MaxFrameBytes { get; init; } = 4 * 1024 * 1024;
}
