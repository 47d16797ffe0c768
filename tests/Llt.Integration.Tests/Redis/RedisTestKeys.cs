using Llt.Hotpath.Config;
using Llt.Shell.Sinks.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Llt.Integration.Tests.Redis;

/// <summary>A key prefix of its own on the test Redis for one test, and a plain client to read what the sink wrote; keys removed at the end.</summary>
public sealed class RedisTestKeys : IAsyncDisposable
{
    public RedisTestKeys()
    {
        Prefix = "t:" + Guid.NewGuid().ToString("N")[..12] + ":";
        Options = new RedisStoreOptions
        {
            Host = TestServers.RedisHost,
            Port = TestServers.RedisPort,
            KeyPrefix = Prefix,
            TimeoutMilliseconds = 2000,
            HeartbeatTtl = TimeSpan.FromSeconds(30),
            Instruments = EngineConfig.DefaultInstruments(),
        };
        Keys = new RedisKeys(Prefix);
    }

    public string Prefix { get; }

    public RedisStoreOptions Options { get; }

    public RedisKeys Keys { get; }

    public RedisEventStore Store() => new(Options, NullLogger<RedisEventStore>.Instance);

    /// <summary>A fresh client connection (after a server restart the old one would be reconnecting).</summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync() =>
        await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { { TestServers.RedisHost, TestServers.RedisPort } },
            AbortOnConnectFail = false,
        });

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using ConnectionMultiplexer client = await ConnectAsync();
            IServer server = client.GetServer(TestServers.RedisHost, TestServers.RedisPort);
            IDatabase database = client.GetDatabase();
            foreach (RedisKey key in server.Keys(pattern: Prefix + "*"))
            {
                await database.KeyDeleteAsync(key);
            }
        }
        catch (RedisException)
        {
            // server down after a failed outage test: the prefix is unique, leftovers are harmless
        }
    }
}
