using MongoDB.Driver;

namespace Llt.Shell.Sinks.Mongo;

/// <summary>An operator's one-line reason for a MongoDB failure (the driver's server-selection timeout message runs to a page).</summary>
public static class MongoFailure
{
    public static string Describe(Exception ex, int timeoutMilliseconds) => ex switch
    {
        TimeoutException when ex.Message.Contains("selecting a server", StringComparison.Ordinal) =>
            $"no answer within {timeoutMilliseconds} ms ({Innermost(ex)})",
        MongoException or TimeoutException => FirstLine(ex.Message),
        _ => ex.Message,
    };

    private static string Innermost(Exception ex)
    {
        // The driver keeps the last heartbeat failure only in the cluster description text.
        const string marker = "HeartbeatException: \"";
        int at = ex.Message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return "server unreachable";
        }

        string rest = ex.Message[(at + marker.Length)..];
        int inner = rest.LastIndexOf("---> ", StringComparison.Ordinal);
        string reason = inner >= 0 ? rest[(inner + 5)..] : rest;
        return FirstLine(reason).TrimEnd('"', ' ', '.');
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOfAny(['\n', '\r']);
        return newline < 0 ? message : message[..newline];
    }
}
