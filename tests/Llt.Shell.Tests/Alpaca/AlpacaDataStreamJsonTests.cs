using Llt.Shell.Alpaca;

namespace Llt.Shell.Tests.Alpaca;

/// <summary><see cref="AlpacaDataStreamTests"/> with JSON text frames (ALPACA_DATA_STREAM_FORMAT=json).</summary>
public sealed class AlpacaDataStreamJsonTests : AlpacaDataStreamTests
{
    protected override AlpacaStreamFormat Format => AlpacaStreamFormat.Json;
}
