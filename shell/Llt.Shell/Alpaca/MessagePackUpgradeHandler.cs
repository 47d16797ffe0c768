using System.Net.Http.Headers;

namespace Llt.Shell.Alpaca;

/// <summary>
/// Puts <c>Content-Type: application/msgpack</c> on the WebSocket upgrade request, which is how Alpaca's stream is
/// asked for MessagePack frames. ClientWebSocket.Options.SetRequestHeader drops Content-Type silently (it is a
/// content header, and the upgrade has no content), so the header rides on an empty content instead; the request
/// then carries <c>Content-Length: 0</c> as well, which a GET may.
/// </summary>
internal sealed class MessagePackUpgradeHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public const string MediaType = "application/msgpack";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Content ??= new ByteArrayContent([]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(MediaType);
        return base.SendAsync(request, cancellationToken);
    }
}
