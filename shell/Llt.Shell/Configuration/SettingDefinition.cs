namespace Llt.Shell.Configuration;

/// <summary>One setting the shell reads: its environment-variable name (also its name in <c>.env</c> and in llt.json's <c>shell</c> section), default and meaning.</summary>
public sealed record SettingDefinition(string Key, string DefaultValue, string Description, SecretKind Secret = SecretKind.None);
