namespace Llt.Integration.Tests;

/// <summary>
/// Addresses of the servers tests/infra/up.sh started (exported as LLT_TEST_*). Integration tests need them:
/// a missing variable fails the test with a message that says how to start the servers, instead of skipping,
/// because `make test` always starts them.
/// </summary>
public static class TestServers
{
    public static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: start the test servers with `source tests/infra/up.sh` (make test does this)");
}
