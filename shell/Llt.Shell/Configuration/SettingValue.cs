namespace Llt.Shell.Configuration;

/// <summary>A setting's effective (unredacted) value and where it came from.</summary>
public readonly record struct SettingValue(string Value, SettingSource Source);
