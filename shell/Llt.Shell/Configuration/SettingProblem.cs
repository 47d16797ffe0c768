namespace Llt.Shell.Configuration;

/// <summary>Why a setting is unusable, naming the key: <c>REDIS_PORT: 'abc' is not a port number</c>.</summary>
public sealed record SettingProblem(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}
