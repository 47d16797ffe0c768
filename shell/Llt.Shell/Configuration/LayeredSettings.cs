namespace Llt.Shell.Configuration;

/// <summary>
/// The shell's settings with their sources, layered: catalog defaults, then llt.json's <c>shell</c> section, then
/// the <c>.env</c> file, then the real environment (which always wins over <c>.env</c>). Keys outside the catalog
/// that the config file or <c>.env</c> set are kept too (sinks may read their own).
/// </summary>
public sealed class LayeredSettings
{
    private readonly Dictionary<string, SettingValue> _values;

    private LayeredSettings(Dictionary<string, SettingValue> values)
    {
        _values = values;
    }

    public IReadOnlyDictionary<string, SettingValue> Values => _values;

    public string this[string key] => _values.TryGetValue(key, out SettingValue value) ? value.Value : "";

    public SettingSource SourceOf(string key) => _values.TryGetValue(key, out SettingValue value) ? value.Source : SettingSource.Default;

    public static LayeredSettings Create(
        IReadOnlyDictionary<string, string> configFile,
        IReadOnlyDictionary<string, string> dotEnv,
        IReadOnlyDictionary<string, string> environment)
    {
        var values = new Dictionary<string, SettingValue>(StringComparer.Ordinal);
        foreach (SettingDefinition definition in SettingCatalog.All)
        {
            values[definition.Key] = new SettingValue(definition.DefaultValue, SettingSource.Default);
        }

        foreach ((string key, string value) in configFile)
        {
            values[key] = new SettingValue(value, SettingSource.ConfigFile);
        }

        foreach ((string key, string value) in dotEnv)
        {
            values[key] = new SettingValue(value, SettingSource.DotEnv);
        }

        foreach ((string key, string value) in environment)
        {
            if (values.ContainsKey(key))
            {
                values[key] = new SettingValue(value, SettingSource.Environment);
            }
        }

        return new LayeredSettings(values);
    }

    /// <summary>The process environment as a dictionary.</summary>
    public static Dictionary<string, string> ProcessEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                environment[key] = value;
            }
        }

        return environment;
    }

    /// <summary>Every value that must never appear in output: the non-empty values of secret keys.</summary>
    public IReadOnlyList<string> SecretValues()
    {
        var secrets = new List<string>();
        foreach ((string key, SettingValue value) in _values)
        {
            SecretKind kind = SecretRedactor.KindOf(key);
            if (kind == SecretKind.Whole && value.Value.Length > 0)
            {
                secrets.Add(value.Value);
            }
            else if (kind == SecretKind.UrlCredentials && Uri.TryCreate(value.Value, UriKind.Absolute, out Uri? uri))
            {
                // the parts a redacted URL hides: user info, path, query
                if (uri.UserInfo.Length > 0)
                {
                    secrets.Add(uri.UserInfo);
                }

                if (uri.PathAndQuery.Length > 1)
                {
                    secrets.Add(uri.PathAndQuery);
                }

                secrets.Add(value.Value);
            }
        }

        return secrets;
    }
}
