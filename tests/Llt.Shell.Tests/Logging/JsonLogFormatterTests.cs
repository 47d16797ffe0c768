using System.Text.Json;
using Llt.Shell.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Llt.Shell.Tests.Logging;

public sealed class JsonLogFormatterTests
{
    private static string Format(SecretScrubber scrubber, Action<LoggerExternalScopeProvider> scopes, string message, params (string Key, object? Value)[] fields)
    {
        var state = new List<KeyValuePair<string, object?>>();
        foreach ((string key, object? value) in fields)
        {
            state.Add(new KeyValuePair<string, object?>(key, value));
        }

        state.Add(new KeyValuePair<string, object?>("{OriginalFormat}", message));
        var provider = new LoggerExternalScopeProvider();
        scopes(provider);
        var entry = new LogEntry<List<KeyValuePair<string, object?>>>(LogLevel.Warning, "Llt.Test", new EventId(400, "Alert"), state, null, (_, _) => message);
        var writer = new StringWriter();
        new JsonLogFormatter(scrubber).Write(entry, provider, writer);
        return writer.ToString();
    }

    [Fact]
    public void Write_OneJsonObjectPerLine_WithFieldsAndComponentSymbolOrderIdFromScope()
    {
        string line = Format(SecretScrubber.None, p =>
        {
            p.Push(new Dictionary<string, object?> { [LogScopes.Component] = "risk" });
            p.Push(new Dictionary<string, object?> { [LogScopes.Symbol] = "AAPL", [LogScopes.OrderId] = 42L });
        }, "order 42 rejected", ("Reason", "KillSwitch"), ("Qty", 100));

        Assert.EndsWith("\n", line);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using JsonDocument document = JsonDocument.Parse(line);
        JsonElement root = document.RootElement;
        Assert.Equal("Warning", root.GetProperty("level").GetString());
        Assert.Equal("Alert", root.GetProperty("event").GetString());
        Assert.Equal("order 42 rejected", root.GetProperty("message").GetString());
        Assert.Equal("KillSwitch", root.GetProperty("fields").GetProperty("Reason").GetString());
        Assert.Equal(100, root.GetProperty("fields").GetProperty("Qty").GetInt32());
        JsonElement scope = root.GetProperty("scope");
        Assert.Equal("risk", scope.GetProperty("component").GetString());
        Assert.Equal("AAPL", scope.GetProperty("symbol").GetString());
        Assert.Equal(42, scope.GetProperty("orderId").GetInt64());
    }

    [Fact]
    public void Write_MasksEverySecretValue_InMessageFieldsAndScope()
    {
        var scrubber = new SecretScrubber(["s3cr3t-pass", "tok-987"]);

        string line = Format(scrubber, p => p.Push(new Dictionary<string, object?> { ["url"] = "http://h/x?t=tok-987" }),
            "connect failed: password s3cr3t-pass rejected", ("Detail", "auth s3cr3t-pass"));

        Assert.DoesNotContain("s3cr3t-pass", line);
        Assert.DoesNotContain("tok-987", line);
        Assert.Contains("***", line);
        using JsonDocument document = JsonDocument.Parse(line);
        Assert.Equal("connect failed: password *** rejected", document.RootElement.GetProperty("message").GetString());
    }
}
