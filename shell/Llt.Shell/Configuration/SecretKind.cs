namespace Llt.Shell.Configuration;

/// <summary>How much of a setting's value may be shown.</summary>
public enum SecretKind
{
    /// <summary>Shown as is.</summary>
    None,

    /// <summary>Never shown: passwords, API keys and secrets.</summary>
    Whole,

    /// <summary>A URL whose user info, path and query may carry a credential (webhook tokens): only scheme, host and port are shown.</summary>
    UrlCredentials,
}
