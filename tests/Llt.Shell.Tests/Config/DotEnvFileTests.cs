using Llt.Shell.Configuration;

namespace Llt.Shell.Tests.Config;

public sealed class DotEnvFileTests
{
    [Fact]
    public void Parse_ReadsBareQuotedAndExportedValues_SkippingCommentsAndBlanks()
    {
        DotEnvContents env = DotEnvFile.Parse("""
            # comment
            export POSTGRES_HOST=db.internal   # trailing comment
            POSTGRES_PASSWORD='p#ss w0rd $HOME'
            ALERT_WEBHOOK_URL="https://h/x?a=1&b=\"q\""
            MULTI="line1\nline2"

            EMPTY=
            """, ".env");

        Assert.Empty(env.Problems);
        Assert.Equal("db.internal", env.Values["POSTGRES_HOST"]);
        Assert.Equal("p#ss w0rd $HOME", env.Values["POSTGRES_PASSWORD"]);
        Assert.Equal("https://h/x?a=1&b=\"q\"", env.Values["ALERT_WEBHOOK_URL"]);
        Assert.Equal("line1\nline2", env.Values["MULTI"]);
        Assert.Equal("", env.Values["EMPTY"]);
    }

    [Fact]
    public void Parse_BadLines_AreReportedByLineNumber_WithoutTheirValue_AndSkipped()
    {
        DotEnvContents env = DotEnvFile.Parse("""
            GOOD=1
            no equals sign here
            9BAD=x
            SECRET_KEY="unterminated-s3cret
            """, "/etc/llt/.env");

        Assert.Equal("1", env.Values["GOOD"]);
        Assert.Equal(3, env.Problems.Count);
        Assert.Contains("/etc/llt/.env:2: expected KEY=VALUE", env.Problems);
        Assert.Contains(env.Problems, p => p.StartsWith("/etc/llt/.env:3: '9BAD' is not a variable name", StringComparison.Ordinal));
        Assert.Contains("/etc/llt/.env:4: SECRET_KEY: unterminated double quote", env.Problems);
        Assert.DoesNotContain(env.Problems, p => p.Contains("unterminated-s3cret", StringComparison.Ordinal));
    }
}
