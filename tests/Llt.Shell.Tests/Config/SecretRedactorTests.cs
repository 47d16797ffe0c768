using Llt.Shell.Configuration;

namespace Llt.Shell.Tests.Config;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("POSTGRES_PASSWORD", "hunter2", "***")]
    [InlineData("ALPACA_API_KEY", "AKID", "***")]
    [InlineData("ALPACA_SECRET_KEY", "s", "***")]
    [InlineData("SLACK_TOKEN", "xoxb-1", "***")]
    [InlineData("MY_SERVICE_CREDENTIALS", "c", "***")]
    [InlineData("ALERT_WEBHOOK_URL", "https://hooks.example.com/services/T0/B0/tok", "https://hooks.example.com/***")]
    [InlineData("ALERT_WEBHOOK_URL", "http://user:pw@127.0.0.1:9000", "http://127.0.0.1:9000/***")]
    [InlineData("ALERT_WEBHOOK_URL", "https://hooks.example.com", "https://hooks.example.com")]
    [InlineData("OTHER_URL", "not a url with secret", "***")]
    [InlineData("POSTGRES_HOST", "db.internal", "db.internal")]
    [InlineData("POSTGRES_PASSWORD", "", "")]
    public void Redact_HidesSecretsByKey_KeepingOnlyWhatIsSafe(string key, string value, string shown)
    {
        Assert.Equal(shown, SecretRedactor.Redact(key, value));
    }

    [Fact]
    public void SecretValues_ListEveryConfiguredSecret_ForTheLogScrubber()
    {
        LayeredSettings settings = LayeredSettings.Create(
            new Dictionary<string, string>(),
            new Dictionary<string, string> { ["SLACK_TOKEN"] = "xoxb-123456", ["POSTGRES_PASSWORD"] = "from-dotenv" },
            new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "from-env-wins", ["ALERT_WEBHOOK_URL"] = "https://h.example/path/tok-999" });

        IReadOnlyList<string> secrets = settings.SecretValues();

        Assert.Contains("xoxb-123456", secrets);
        Assert.Contains("from-env-wins", secrets);
        Assert.DoesNotContain("from-dotenv", secrets);
        Assert.Contains("/path/tok-999", secrets);
        Assert.Equal("from-env-wins", settings["POSTGRES_PASSWORD"]);
        Assert.Equal(SettingSource.Environment, settings.SourceOf("POSTGRES_PASSWORD"));
    }
}
