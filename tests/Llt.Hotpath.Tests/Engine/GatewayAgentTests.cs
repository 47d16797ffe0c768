using Llt.Hotpath.Ipc;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>
/// The gateway agent's reading of the gateway ring: quotes, trades and new orders are read with the trusted wrap (only
/// this process writes that ring), so a record too short for its type must still be counted and dropped without
/// reaching a venue.
/// </summary>
public sealed class GatewayAgentTests
{
    [Fact]
    public void ForwardedQuote_SetsTheVenuesTouch()
    {
        using var h = new EngineHarness();
        h.Engine.Gateway.SendQuote(EngineMessages.Aapl, EngineMessages.AaplPrice, 300, EngineMessages.AaplPrice + EngineMessages.Tick, 200, 0);
        h.Drain();

        Assert.True(h.Engine.GatewayAgent.Venues[0]!.TryGetTouch(EngineMessages.Aapl, Side.Buy, out long bid, out long bidQty));
        Assert.Equal((EngineMessages.AaplPrice, 300L), (bid, bidQty));
        Assert.True(h.Engine.GatewayAgent.Venues[0]!.TryGetTouch(EngineMessages.Aapl, Side.Sell, out long ask, out long askQty));
        Assert.Equal((EngineMessages.AaplPrice + EngineMessages.Tick, 200L), (ask, askQty));
        Assert.Equal(0, h.Engine.GatewayAgent.Malformed.Get());
    }

    [Theory]
    [InlineData(QuoteDecoder.TemplateId)]
    [InlineData(TradeDecoder.TemplateId)]
    [InlineData(NewOrderDecoder.TemplateId)]
    public void TruncatedRecord_IsCountedMalformed_AndReachesNoVenue(int templateId)
    {
        using var h = new EngineHarness();
        Assert.Equal(WriteResult.Success, h.Engine.Gateway.OrderRing.Write(templateId, new byte[12]));
        h.Drain();

        Assert.Equal(1, h.Engine.GatewayAgent.Malformed.Get());
        Assert.Equal(0, h.Engine.GatewayAgent.Venues[0]!.OrderCount);
        Assert.False(h.Engine.GatewayAgent.Venues[0]!.TryGetTouch(EngineMessages.Aapl, Side.Buy, out _, out _));
        Assert.False(h.Engine.GatewayAgent.Venues[0]!.TryGetTouch(EngineMessages.Aapl, Side.Sell, out _, out _));
    }
}
