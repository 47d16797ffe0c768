namespace Llt.Shell.Configuration;

/// <summary>MongoDB tick store connection (MONGO_*); on when <see cref="Host"/> is set.</summary>
public sealed record MongoSettings(string Host, int Port, string Database)
{
    public bool Enabled => Host.Length > 0;
}
