namespace Llt.Shell.Configuration;

/// <summary>Redis sink connection (REDIS_*); on when <see cref="Host"/> is set.</summary>
public sealed record RedisSettings(string Host, int Port, int Database)
{
    public bool Enabled => Host.Length > 0;
}
