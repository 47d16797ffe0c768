using System.Net;
using Llt.Shell.Alpaca;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>
/// The trading API v2 client against <see cref="FakeAlpacaTradingServer"/>: submit, replace, list and the
/// documented refusals (403, 404, 422, 429, 5xx) as <see cref="AlpacaApiException"/> with Alpaca's code and message.
/// </summary>
public sealed class AlpacaTradingClientTests : IAsyncLifetime
{
    private readonly FakeAlpacaTradingServer _server = new();
    private AlpacaTradingClient _client = null!;

    public Task InitializeAsync()
    {
        _client = new AlpacaTradingClient(_server.BaseUrl, FakeAlpacaStreamServer.Key, FakeAlpacaStreamServer.Secret);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private Task<AlpacaOrder> SubmitLimit(string symbol, string clientOrderId, long qty = 100) =>
        _client.SubmitAsync(
            new AlpacaOrderRequest { Symbol = symbol, Qty = qty, Side = "buy", Type = "limit", LimitPrice = 190_00000000, ClientOrderId = clientOrderId },
            CancellationToken.None);

    [Fact]
    public async Task Replace_GivesANewOrderWithTheNewQtyAndLimit_TheOldIsReplaced_AndListsShowIt()
    {
        AlpacaOrder placed = await SubmitLimit("AAPL", "5001");

        AlpacaOrder replacement = await _client.ReplaceAsync(placed.Id, qty: 40, limitPrice: 189_50000000, timeInForce: "gtc", clientOrderId: "5002", CancellationToken.None);

        Assert.NotEqual(placed.Id, replacement.Id);
        Assert.Equal(("5002", 40L, "new"), (replacement.ClientOrderId, replacement.Qty, replacement.Status));
        Assert.Contains(_server.Requests, r => r == $"PATCH /v2/orders/{placed.Id}");
        IReadOnlyList<AlpacaOrder> open = await _client.ListOrdersAsync("open", CancellationToken.None);
        Assert.Equal([replacement.Id], open.Select(o => o.Id));
        IReadOnlyList<AlpacaOrder> all = await _client.ListOrdersAsync("all", CancellationToken.None);
        Assert.Equal("replaced", Assert.Single(all, o => o.Id == placed.Id).Status);
        Assert.Contains(_server.Requests, r => r.StartsWith("GET /v2/orders?status=all", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplaceOfAnOrderAlpacaDoesNotHave_Is404_NotWorthRetrying()
    {
        var e = await Assert.ThrowsAsync<AlpacaApiException>(() => _client.ReplaceAsync("ord-nope", 10, null, null, null, CancellationToken.None));

        Assert.Equal((HttpStatusCode.NotFound, 40410000, "order not found"), (e.Status, e.Code, e.AlpacaMessage));
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task ReplaceWithAZeroQty_Is422()
    {
        AlpacaOrder placed = await SubmitLimit("AAPL", "5003");

        var e = await Assert.ThrowsAsync<AlpacaApiException>(() => _client.ReplaceAsync(placed.Id, 0, null, null, null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, e.Status);
        Assert.Contains("qty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_Is403_WithAlpacasCodeAndMessage_NotTransient()
    {
        _server.Forbidden.Add("MSFT");

        var e = await Assert.ThrowsAsync<AlpacaApiException>(() => SubmitLimit("MSFT", "5004"));

        Assert.Equal((HttpStatusCode.Forbidden, 40310000, "insufficient buying power"), (e.Status, e.Code, e.AlpacaMessage));
        Assert.False(e.IsTransient);
        Assert.Equal("alpaca 403 (40310000): insufficient buying power", e.Message);
    }

    [Fact]
    public async Task ServerError_IsTransient()
    {
        _server.ServerErrorFirst = 1;

        var e = await Assert.ThrowsAsync<AlpacaApiException>(() => SubmitLimit("AAPL", "5005"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.Status);
        Assert.True(e.IsTransient);
        Assert.Equal("5006", (await SubmitLimit("AAPL", "5006")).ClientOrderId); // the next one goes through
    }

    [Fact]
    public async Task RateLimited_IsTransient_WithRetryAfter()
    {
        _server.RateLimitFirst = 1;

        var e = await Assert.ThrowsAsync<AlpacaApiException>(() => SubmitLimit("AAPL", "5007"));

        Assert.Equal((HttpStatusCode.TooManyRequests, 42910000), (e.Status, e.Code));
        Assert.True(e.IsTransient);
        Assert.Equal(TimeSpan.Zero, e.RetryAfter);
    }

    [Fact]
    public async Task WrongKeys_Are401()
    {
        using var client = new AlpacaTradingClient(_server.BaseUrl, FakeAlpacaStreamServer.Key, "wrong");

        var e = await Assert.ThrowsAsync<AlpacaApiException>(() => client.ListOrdersAsync("open", CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, e.Status);
        Assert.DoesNotContain("wrong", e.Message, StringComparison.Ordinal);
    }
}
