using System.Diagnostics;

namespace Llt.Integration.Tests;

/// <summary>
/// Addresses of the servers tests/infra/up.sh started (exported as LLT_TEST_*). Integration tests need them:
/// a missing variable fails the test with a message that says how to start the servers, instead of skipping,
/// because `make test` always starts them. Also stops and starts one server for outage tests
/// (tests/infra/server.sh).
/// </summary>
public static class TestServers
{
    public static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: start the test servers with `source tests/infra/up.sh` (make test does this)");

    public static string PostgresHost => Require("LLT_TEST_POSTGRES_HOST");

    public static int PostgresPort => int.Parse(Require("LLT_TEST_POSTGRES_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    public static string PostgresDatabase => Require("LLT_TEST_POSTGRES_DB");

    public static string PostgresUser => Require("LLT_TEST_POSTGRES_USER");

    public static string PostgresPassword => Require("LLT_TEST_POSTGRES_PASSWORD");

    public static string RedisHost => Require("LLT_TEST_REDIS_HOST");

    public static int RedisPort => int.Parse(Require("LLT_TEST_REDIS_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    public static string MongoHost => Require("LLT_TEST_MONGO_HOST");

    public static int MongoPort => int.Parse(Require("LLT_TEST_MONGO_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    public static string KafkaBootstrap => Require("LLT_TEST_KAFKA_BOOTSTRAP");

    /// <summary>A value from $LLT_INFRA_DIR/env (rewritten by server.sh), or null when there is no such file or line.</summary>
    public static string? ReadEnvFile(string variable)
    {
        string dir = Environment.GetEnvironmentVariable("LLT_INFRA_DIR") is { Length: > 0 } d ? d : "/tmp/llt-infra";
        string path = Path.Combine(dir, "env");
        if (!File.Exists(path))
        {
            return null;
        }

        string prefix = "export " + variable + "=";
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..];
            }
        }

        return null;
    }

    /// <summary>
    /// tests/infra, holding server.sh: from LLT_TEST_INFRA_SCRIPTS (up.sh exports it), else found from the test
    /// assembly's folder or, when the build output lives outside the tree ($LLT_ARTIFACTS), from this source file.
    /// </summary>
    public static string InfraScripts
    {
        get
        {
            if (Environment.GetEnvironmentVariable("LLT_TEST_INFRA_SCRIPTS") is { Length: > 0 } fromEnv)
            {
                return fromEnv;
            }

            foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(SourceFile()) ?? "/" })
            {
                for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "llt.sln")))
                    {
                        return Path.Combine(dir.FullName, "tests", "infra");
                    }
                }
            }

            throw new InvalidOperationException("tests/infra not found: set LLT_TEST_INFRA_SCRIPTS (source tests/infra/up.sh does)");
        }
    }

    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    /// <summary>Stops a test server (redis, postgres, kafka, mongo) with tests/infra/server.sh; fails the test if that fails.</summary>
    public static void Stop(string server) => RunServerScript("stop", server);

    /// <summary>Starts it again on the same port (PostgreSQL keeps its data; the others come back empty).</summary>
    public static void Start(string server) => RunServerScript("start", server);

    private static void RunServerScript(string action, string server)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(InfraScripts, "server.sh"), action, server])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("cannot start bash");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tests/infra/server.sh {action} {server} did not finish within 120 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"tests/infra/server.sh {action} {server} exited {process.ExitCode}: {output.Result}{error.Result}");
        }
    }
}
