namespace Llt.Shell.Logging;

/// <summary>
/// The last line of defence for "no secret in a log line": every formatted log line passes through
/// <see cref="Scrub"/>, which masks each configured secret value (passwords, API keys, webhook credentials)
/// wherever it appears, even inside an exception message from a driver.
/// </summary>
public sealed class SecretScrubber
{
    private const int MinimumLength = 3;
    private readonly string[] _secrets;

    public SecretScrubber(IEnumerable<string> secrets)
    {
        // longest first, so a secret containing another is masked whole
        _secrets = secrets.Where(s => s.Length >= MinimumLength).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length).ToArray();
    }

    public static SecretScrubber None { get; } = new([]);

    public string Scrub(string text)
    {
        foreach (string secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Configuration.SecretRedactor.Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
