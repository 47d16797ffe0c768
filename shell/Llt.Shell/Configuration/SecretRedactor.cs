namespace Llt.Shell.Configuration;

/// <summary>
/// Decides which settings are secret and what of them may be printed. Known keys come from
/// <see cref="SettingCatalog"/>; any other key (a variable a sink reads from <c>.env</c>, say) is judged by
/// its name: PASSWORD, SECRET, TOKEN, CREDENTIAL or a trailing _KEY hide the value, a _URL keeps only its
/// scheme, host and port.
/// </summary>
public static class SecretRedactor
{
    public const string Mask = "***";

    public static SecretKind KindOf(string key)
    {
        SettingDefinition? known = SettingCatalog.Find(key);
        if (known is not null)
        {
            return known.Secret;
        }

        string upper = key.ToUpperInvariant();
        if (upper.Contains("PASSWORD", StringComparison.Ordinal) || upper.Contains("SECRET", StringComparison.Ordinal)
            || upper.Contains("TOKEN", StringComparison.Ordinal) || upper.Contains("CREDENTIAL", StringComparison.Ordinal)
            || upper.EndsWith("_KEY", StringComparison.Ordinal) || upper.Contains("APIKEY", StringComparison.Ordinal))
        {
            return SecretKind.Whole;
        }

        return upper.EndsWith("_URL", StringComparison.Ordinal) || upper.EndsWith("_URI", StringComparison.Ordinal)
            ? SecretKind.UrlCredentials
            : SecretKind.None;
    }

    /// <summary>The value as it may be shown: empty stays empty (so "not set" is visible), secrets are masked.</summary>
    public static string Redact(string key, string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        return KindOf(key) switch
        {
            SecretKind.Whole => Mask,
            SecretKind.UrlCredentials => RedactUrl(value),
            _ => value,
        };
    }

    /// <summary>scheme://host[:port]/*** when anything follows the authority or user info is present; the whole value masked when it is not a URL.</summary>
    public static string RedactUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) || string.IsNullOrEmpty(uri.Host))
        {
            return Mask;
        }

        string authority = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        bool hidden = uri.UserInfo.Length > 0 || uri.PathAndQuery.Length > 1 || uri.Fragment.Length > 0;
        return hidden ? $"{uri.Scheme}://{authority}/{Mask}" : $"{uri.Scheme}://{authority}";
    }
}
