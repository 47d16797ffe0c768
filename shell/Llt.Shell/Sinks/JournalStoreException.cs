namespace Llt.Shell.Sinks;

/// <summary>
/// A store failure explained for an operator: which server, what went wrong, what to check ("cannot connect to
/// PostgreSQL at 127.0.0.1:5432/llt as llt: password authentication failed - check POSTGRES_PASSWORD").
/// The sink reports it as the status's last error and keeps retrying.
/// </summary>
public sealed class JournalStoreException : Exception
{
    public JournalStoreException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
