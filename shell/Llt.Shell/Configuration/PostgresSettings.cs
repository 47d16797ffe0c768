namespace Llt.Shell.Configuration;

/// <summary>PostgreSQL sink connection (POSTGRES_*); on when <see cref="Host"/> is set.</summary>
public sealed record PostgresSettings(string Host, int Port, string Database, string User, string Password)
{
    public bool Enabled => Host.Length > 0;
}
