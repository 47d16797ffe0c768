namespace Llt.Shell.Configuration;

/// <summary>
/// Every setting the shell knows, by the seed's environment-variable names. <c>.env.example</c> lists them all
/// (a test checks), <c>llt config check</c> prints them in this order, and redaction asks here which are secret.
/// An empty default means "not configured": a sink is on only when its server is configured.
/// </summary>
public static class SettingCatalog
{
    public const string Environment = "ENVIRONMENT";
    public const string Debug = "DEBUG";
    public const string PostgresHost = "POSTGRES_HOST";
    public const string PostgresPort = "POSTGRES_PORT";
    public const string PostgresDb = "POSTGRES_DB";
    public const string PostgresUser = "POSTGRES_USER";
    public const string PostgresPassword = "POSTGRES_PASSWORD";
    public const string RedisHost = "REDIS_HOST";
    public const string RedisPort = "REDIS_PORT";
    public const string RedisDb = "REDIS_DB";
    public const string MongoHost = "MONGO_HOST";
    public const string MongoPort = "MONGO_PORT";
    public const string MongoDb = "MONGO_DB";
    public const string KafkaBootstrapServers = "KAFKA_BOOTSTRAP_SERVERS";
    public const string AlpacaApiKey = "ALPACA_API_KEY";
    public const string AlpacaSecretKey = "ALPACA_SECRET_KEY";
    public const string AlpacaBaseUrl = "ALPACA_BASE_URL";
    public const string AlpacaDataStreamUrl = "ALPACA_DATA_STREAM_URL";
    public const string AlpacaDataStreamFormat = "ALPACA_DATA_STREAM_FORMAT";
    public const string MaxPositionSize = "MAX_POSITION_SIZE";
    public const string MaxDailyLoss = "MAX_DAILY_LOSS";
    public const string MaxOrdersPerSecond = "MAX_ORDERS_PER_SECOND";
    public const string LogLevel = "LOG_LEVEL";
    public const string LogFormat = "LOG_FORMAT";
    public const string HealthHost = "HEALTH_HOST";
    public const string HealthPort = "HEALTH_PORT";
    public const string HealthUrl = "HEALTH_URL";
    public const string HealthHeartbeatTimeout = "HEALTH_HEARTBEAT_TIMEOUT";
    public const string HealthSinkMaxLag = "HEALTH_SINK_MAX_LAG";
    public const string AlertWebhookUrl = "ALERT_WEBHOOK_URL";
    public const string Engine = "LLT_ENGINE";
    public const string RestartMinDelay = "LLT_RESTART_MIN_DELAY";
    public const string RestartMaxDelay = "LLT_RESTART_MAX_DELAY";
    public const string ShellCpus = "LLT_SHELL_CPUS";

    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        new(Environment, "development", "development | staging | production | test"),
        new(Debug, "false", "true: debug-level logs unless LOG_LEVEL says otherwise"),
        new(PostgresHost, "", "PostgreSQL sink: host (empty = sink off)"),
        new(PostgresPort, "5432", "PostgreSQL port"),
        new(PostgresDb, "llt", "PostgreSQL database"),
        new(PostgresUser, "llt", "PostgreSQL user"),
        new(PostgresPassword, "", "PostgreSQL password", SecretKind.Whole),
        new(RedisHost, "", "Redis sink: host (empty = sink off)"),
        new(RedisPort, "6379", "Redis port"),
        new(RedisDb, "0", "Redis database number"),
        new(MongoHost, "", "MongoDB tick store: host (empty = sink off)"),
        new(MongoPort, "27017", "MongoDB port"),
        new(MongoDb, "llt", "MongoDB database"),
        new(KafkaBootstrapServers, "", "Kafka sink: host:port[,host:port] (empty = sink off)"),
        new(AlpacaApiKey, "", "Alpaca API key id", SecretKind.Whole),
        new(AlpacaSecretKey, "", "Alpaca API secret key", SecretKind.Whole),
        new(AlpacaBaseUrl, "https://paper-api.alpaca.markets", "Alpaca trading REST base URL"),
        new(AlpacaDataStreamUrl, "wss://stream.data.alpaca.markets/v2/iex", "Alpaca market data WebSocket URL"),
        new(AlpacaDataStreamFormat, "msgpack", "Alpaca market data frames: msgpack | json"),
        new(MaxPositionSize, "", "risk: position limit per symbol, shares (empty = llt.json instruments[].maxPosition)"),
        new(MaxDailyLoss, "", "risk: portfolio daily loss limit, currency (empty = none)"),
        new(MaxOrdersPerSecond, "", "risk: portfolio order rate limit, orders/s (empty = none)"),
        new(LogLevel, "Information", "Trace | Debug | Information | Warning | Error | Critical"),
        new(LogFormat, "text", "text | json (one JSON object per line)"),
        new(HealthHost, "127.0.0.1", "address /health and /metrics bind to"),
        new(HealthPort, "8080", "port for /health and /metrics (0 = off)"),
        new(HealthUrl, "", "alternative to HEALTH_HOST/HEALTH_PORT: http://host:port"),
        new(HealthHeartbeatTimeout, "5s", "/health is degraded when the engine's heartbeat is older than this"),
        new(HealthSinkMaxLag, "30s", "/health is degraded when a sink trails the journal by more than this"),
        new(AlertWebhookUrl, "", "POST alerts as JSON to this URL (empty = off)", SecretKind.UrlCredentials),
        new(Engine, "", "path of llt-engine (empty = beside llt, else out/engine/llt-engine)"),
        new(RestartMinDelay, "1s", "first delay before restarting a crashed engine (doubles per crash)"),
        new(RestartMaxDelay, "30s", "longest delay between engine restarts"),
        new(ShellCpus, "", "llt run: CPUs (\"0\", \"0,2-3\") the shell's threads and the engine it starts are confined to; engine threads pinned by llt.json engine.threads[].cpus keep theirs (empty = not confined)"),
    ];

    public static SettingDefinition? Find(string key)
    {
        foreach (SettingDefinition definition in All)
        {
            if (definition.Key == key)
            {
                return definition;
            }
        }

        return null;
    }
}
