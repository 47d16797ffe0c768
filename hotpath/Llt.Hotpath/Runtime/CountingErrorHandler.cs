namespace Llt.Hotpath.Runtime;

/// <summary>
/// Counts errors and remembers the last one, then forwards to an optional next handler (logging, the
/// journal). <see cref="ErrorCount"/> is safe to read from any thread while runners report into it.
/// </summary>
public sealed class CountingErrorHandler : IErrorHandler
{
    private readonly IErrorHandler? _next;
    private long _errorCount;
    private Exception? _lastError;

    public CountingErrorHandler(IErrorHandler? next = null)
    {
        _next = next;
    }

    /// <summary>Errors reported so far.</summary>
    public long ErrorCount => Volatile.Read(ref _errorCount);

    /// <summary>The most recent error, or null; for diagnostics.</summary>
    public Exception? LastError => Volatile.Read(ref _lastError);

    public void OnError(Exception exception)
    {
        // release: a reader that sees the new count also sees LastError written before it.
        Volatile.Write(ref _lastError, exception);

        // Interlocked because several runners may share one handler.
        Interlocked.Increment(ref _errorCount);
        if (_next is not null)
        {
            try
            {
                _next.OnError(exception);
            }
            catch (Exception)
            {
                // A failing downstream handler (e.g. a full log) must not kill the duty cycle; the count stands.
            }
        }
    }
}
