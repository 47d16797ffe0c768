namespace Llt.Shell.Configuration;

/// <summary>Where a setting's effective value came from; later sources win.</summary>
public enum SettingSource
{
    Default,
    ConfigFile,
    DotEnv,
    Environment,
}
