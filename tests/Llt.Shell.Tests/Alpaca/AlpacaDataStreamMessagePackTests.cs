using System.Net.WebSockets;
using Llt.Codecs.Runtime;
using Llt.Sbe;
using Llt.Shell.Alpaca;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>
/// <see cref="AlpacaDataStreamTests"/> with MessagePack binary frames (the default), plus what only MessagePack has:
/// the three timestamp sizes, and falling back to JSON when the server does not honour the Content-Type.
/// </summary>
public sealed class AlpacaDataStreamMessagePackTests : AlpacaDataStreamTests
{
    protected override AlpacaStreamFormat Format => AlpacaStreamFormat.MessagePack;

    [Fact]
    public void MessagePack_IsTheDefault()
    {
        Assert.Equal(AlpacaStreamFormat.MessagePack, new AlpacaStreamOptions { KeyId = "k", SecretKey = "s" }.Format);
    }

    [Theory]
    [InlineData(TimestampForm.Smallest)]
    [InlineData(TimestampForm.Always64)]
    [InlineData(TimestampForm.Always96)]
    public async Task EveryTimestampSize_GivesTheSameNanoseconds(TimestampForm form)
    {
        _server.TimestampForm = form;
        AlpacaDataStream stream = await StartStreamingAsync();

        await _server.SendAsync("""[{"T":"t","i":1,"S":"AAPL","x":"V","p":190.01,"s":100,"t":"2024-01-02T15:00:00.999999999Z"},{"T":"t","i":2,"S":"AAPL","x":"V","p":190.02,"s":100,"t":"2024-01-02T15:00:01Z"}]""");
        await Until(() => stream.Publisher.Trades == 2, "both trades");

        List<(int Type, byte[] Body)> ring = DrainRing();
        Assert.Equal(SbeDecodeStatus.Ok, TradeDecoder.TryDecode(ring[0].Body, 0, out TradeDecoder first, out _));
        Assert.Equal(SbeDecodeStatus.Ok, TradeDecoder.TryDecode(ring[1].Body, 0, out TradeDecoder second, out _));
        Assert.Equal(1_704_207_600_999_999_999UL, first.ExchangeTs);
        Assert.Equal(1_704_207_601_000_000_000UL, second.ExchangeTs);
        Assert.Equal(0, stream.Malformed);
    }

    [Fact]
    public async Task AServerThatIgnoresTheContentType_IsReadAsJson_AndAnsweredInJson()
    {
        _server.IgnoreContentType = true;
        AlpacaDataStream stream = await StartStreamingAsync();

        await _server.SendAsync("""[{"T":"q","S":"AAPL","bx":"U","bp":190.1,"bs":3,"ax":"Q","ap":190.12,"as":2,"t":"2024-01-02T15:00:00Z","c":["R"],"z":"C"}]""");
        await Until(() => stream.Publisher.Quotes == 1, "the quote");

        Assert.Equal(["application/msgpack"], _server.UpgradeContentTypes);
        Assert.Equal(AlpacaStreamFormat.Json, stream.ServerFormat);
        Assert.All(_server.ReceivedFrameTypes, type => Assert.Equal(WebSocketMessageType.Text, type));
        Assert.Equal(0, stream.MessagePackFrames);
        Assert.Equal(0, stream.Malformed);
    }
}
