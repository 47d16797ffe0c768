using System.Globalization;
using Llt.Hotpath.Config;
using Llt.Hotpath.Runtime;
using Llt.Shell.Alpaca;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;
using static Llt.Shell.Configuration.SettingCatalog;

namespace Llt.Shell.Configuration;

/// <summary>
/// Turns <see cref="LayeredSettings"/> into <see cref="PlatformSettings"/>, collecting every problem with the key
/// it concerns, so one run of <c>llt config check</c> lists them all. Values are quoted in messages only for
/// keys that are not secret.
/// </summary>
public static class PlatformSettingsReader
{
    private static readonly string[] Environments = ["development", "staging", "production", "test"];

    public static PlatformSettings? Read(LayeredSettings values, List<SettingProblem> problems)
    {
        int before = problems.Count;
        var reader = new Reader(values, problems);
        string environment = reader.OneOf(SettingCatalog.Environment, Environments);
        bool debug = reader.Bool(SettingCatalog.Debug);
        var postgres = new PostgresSettings(reader.Host(PostgresHost), reader.Port(PostgresPort), reader.Name(PostgresDb), reader.Name(PostgresUser), values[PostgresPassword]);
        var redis = new RedisSettings(reader.Host(RedisHost), reader.Port(RedisPort), (int)reader.Integer(RedisDb, 0, 1024, "a database number (0..1024)"));
        var mongo = new MongoSettings(reader.Host(MongoHost), reader.Port(MongoPort), reader.Name(MongoDb));
        var kafka = new KafkaSettings(reader.HostPortList(KafkaBootstrapServers));
        var alpaca = new AlpacaSettings(values[AlpacaApiKey], values[AlpacaSecretKey],
            reader.Url(AlpacaBaseUrl, "http", "https") ?? new Uri("https://invalid"),
            reader.Url(AlpacaDataStreamUrl, "ws", "wss") ?? new Uri("wss://invalid"),
            reader.OneOf(AlpacaDataStreamFormat, ["msgpack", "json"]) == "json" ? AlpacaStreamFormat.Json : AlpacaStreamFormat.MessagePack);
        var risk = new RiskEnvSettings(
            reader.OptionalPositive(MaxPositionSize, "a whole number of shares > 0"),
            reader.OptionalMoney(MaxDailyLoss),
            reader.OptionalPositive(MaxOrdersPerSecond, "a whole number of orders per second > 0"));
        LogLevel level = reader.Level(SettingCatalog.LogLevel);
        if (debug && values.SourceOf(SettingCatalog.LogLevel) == SettingSource.Default)
        {
            level = LogLevel.Debug;
        }

        var log = new LogSettings(level, reader.OneOf(LogFormat, ["text", "json"]) == "json");
        HealthSettings health = reader.Health();
        Uri? webhook = values[AlertWebhookUrl].Length == 0 ? null : reader.Url(AlertWebhookUrl, "http", "https");
        var supervisor = new SupervisorSettings(values[Engine], reader.Duration(RestartMinDelay), reader.Duration(RestartMaxDelay));
        if (supervisor.RestartMaxDelay < supervisor.RestartMinDelay)
        {
            problems.Add(new SettingProblem(RestartMaxDelay, $"'{values[RestartMaxDelay]}' is shorter than {RestartMinDelay} '{values[RestartMinDelay]}'"));
        }

        CpuSet shellCpus = reader.Cpus(ShellCpus);
        if (problems.Count > before)
        {
            return null;
        }

        return new PlatformSettings(environment, debug, postgres, redis, mongo, kafka, alpaca, risk, log, health, new AlertSettings(webhook), supervisor, shellCpus);
    }

    private sealed class Reader(LayeredSettings values, List<SettingProblem> problems)
    {
        /// <summary>The value for messages: quoted, or *** for a secret key.</summary>
        private string Shown(string key) => $"'{SecretRedactor.Redact(key, values[key])}'";

        private void Problem(string key, string message) => problems.Add(new SettingProblem(key, message));

        public string OneOf(string key, string[] allowed)
        {
            string value = values[key].Trim().ToLowerInvariant();
            if (Array.IndexOf(allowed, value) < 0)
            {
                Problem(key, $"{Shown(key)} is not one of {string.Join(", ", allowed)}");
                return allowed[0];
            }

            return value;
        }

        public bool Bool(string key)
        {
            switch (values[key].Trim().ToLowerInvariant())
            {
                case "true" or "1" or "yes" or "on":
                    return true;
                case "false" or "0" or "no" or "off" or "":
                    return false;
                default:
                    Problem(key, $"{Shown(key)} is not a boolean (true/false, 1/0, yes/no, on/off)");
                    return false;
            }
        }

        public string Host(string key)
        {
            string value = values[key].Trim();
            if (value.Length > 0 && (value.Contains("://", StringComparison.Ordinal) || value.Any(char.IsWhiteSpace) || value.Contains('/', StringComparison.Ordinal)))
            {
                Problem(key, $"{Shown(key)} is not a host name or address (no scheme, path or spaces)");
            }

            return value;
        }

        public string Name(string key)
        {
            string value = values[key].Trim();
            if (value.Length == 0)
            {
                Problem(key, "must not be empty");
            }

            return value;
        }

        public int Port(string key) => (int)Integer(key, 1, 65535, "a port number");

        public long Integer(string key, long min, long max, string what)
        {
            string text = values[key].Trim();
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < min || value > max)
            {
                Problem(key, $"{Shown(key)} is not {what}");
                return min;
            }

            return value;
        }

        public long? OptionalPositive(string key, string what)
        {
            if (values[key].Trim().Length == 0)
            {
                return null;
            }

            return Integer(key, 1, long.MaxValue, what);
        }

        public decimal? OptionalMoney(string key)
        {
            string text = values[key].Trim();
            if (text.Length == 0)
            {
                return null;
            }

            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value) || value <= 0
                || !FixedPoint.TryFromDecimal(value, out _, out string? error))
            {
                Problem(key, $"{Shown(key)} is not an amount > 0 with at most 8 decimals");
                return null;
            }

            _ = error;
            return value;
        }

        public string HostPortList(string key)
        {
            string value = values[key].Trim();
            if (value.Length == 0)
            {
                return value;
            }

            foreach (string part in value.Split(',', StringSplitOptions.TrimEntries))
            {
                int colon = part.LastIndexOf(':');
                if (colon <= 0 || !int.TryParse(part.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
                {
                    Problem(key, $"'{part}' is not host:port");
                }
            }

            return value;
        }

        public Uri? Url(string key, params string[] schemes)
        {
            string text = values[key].Trim();
            if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || Array.IndexOf(schemes, uri.Scheme) < 0 || uri.Host.Length == 0)
            {
                Problem(key, $"{Shown(key)} is not an absolute {string.Join(" or ", schemes)} URL");
                return null;
            }

            return uri;
        }

        public LogLevel Level(string key)
        {
            switch (values[key].Trim().ToLowerInvariant())
            {
                case "trace": return LogLevel.Trace;
                case "debug": return LogLevel.Debug;
                case "information" or "info": return LogLevel.Information;
                case "warning" or "warn": return LogLevel.Warning;
                case "error": return LogLevel.Error;
                case "critical" or "fatal": return LogLevel.Critical;
                default:
                    Problem(key, $"{Shown(key)} is not one of Trace, Debug, Information, Warning, Error, Critical");
                    return LogLevel.Information;
            }
        }

        /// <summary>A CPU list every CPU of which this process may run on (empty: not confined).</summary>
        public CpuSet Cpus(string key)
        {
            string text = values[key];
            if (text.Trim().Length == 0)
            {
                return CpuSet.Empty;
            }

            if (!CpuSet.TryParse(text, out CpuSet? cpus, out string? error))
            {
                Problem(key, $"{Shown(key)} is not a CPU list like 0 or 0,2-3 ({error})");
                return CpuSet.Empty;
            }

            CpuSet allowed = ThreadAffinity.GetCurrentThreadAffinity();
            if (!cpus.IsSubsetOf(allowed))
            {
                Problem(key, $"{Shown(key)} names CPUs this process may not run on (allowed: {allowed})");
                return CpuSet.Empty;
            }

            return cpus;
        }

        public TimeSpan Duration(string key)
        {
            string text = values[key].Trim();
            if (!DurationText.TryParseNanos(text, out long ns, out string? error) || ns <= 0)
            {
                Problem(key, $"{Shown(key)} is not a positive duration like 500ms, 5s, 1m ({error ?? "must be > 0"})");
                return TimeSpan.FromSeconds(1);
            }

            return TimeSpan.FromTicks(ns / 100);
        }

        public HealthSettings Health()
        {
            string host;
            int port;
            string url = values[HealthUrl].Trim();
            if (url.Length > 0)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Scheme != "http" || uri.Host.Length == 0)
                {
                    Problem(HealthUrl, $"{Shown(HealthUrl)} is not an http://host:port URL");
                    host = "127.0.0.1";
                    port = 0;
                }
                else
                {
                    host = uri.Host;
                    port = uri.Port;
                }
            }
            else
            {
                host = values[HealthHost].Trim();
                port = (int)Integer(HealthPort, 0, 65535, "a port number (0 = off)");
            }

            if (!System.Net.IPAddress.TryParse(host, out _) && host != "localhost")
            {
                Problem(url.Length > 0 ? HealthUrl : HealthHost, $"'{host}' is not an IP address to bind (e.g. 127.0.0.1) or localhost");
            }

            return new HealthSettings(host, port, Duration(HealthHeartbeatTimeout), Duration(HealthSinkMaxLag));
        }
    }
}
