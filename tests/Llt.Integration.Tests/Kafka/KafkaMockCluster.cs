using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Llt.Integration.Tests.Kafka;

/// <summary>
/// A librdkafka mock cluster owned by this test process (the one kcat runs for tests/infra is out of reach: it
/// picks new ports when restarted), so an outage test can take its brokers down and bring them back on the same
/// ports with their data: librdkafka's own rd_kafka_mock_broker_set_down/up, which drop every connection and
/// refuse new ones until the broker is up again.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    private const int Brokers = 3;
    private readonly IProducer<byte[], byte[]> _owner;
    private readonly IntPtr _cluster;

    public KafkaMockCluster()
    {
        var config = new ProducerConfig { BootstrapServers = "127.0.0.1:1", ClientId = "llt-test-mock-cluster" };
        config.Set("test.mock.num.brokers", Brokers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _owner = new ProducerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
        _cluster = Native.rd_kafka_handle_mock_cluster(RawHandle(_owner.Handle));
        if (_cluster == IntPtr.Zero)
        {
            throw new InvalidOperationException("librdkafka created no mock cluster");
        }

        using IAdminClient admin = new DependentAdminClientBuilder(_owner.Handle).Build();
        Metadata metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        BootstrapServers = string.Join(",", metadata.Brokers.Select(b => $"{b.Host}:{b.Port}"));
    }

    public string BootstrapServers { get; }

    public void SetAllBrokersDown()
    {
        for (int id = 1; id <= Brokers; id++)
        {
            Check(Native.rd_kafka_mock_broker_set_down(_cluster, id), "down", id);
        }
    }

    public void SetAllBrokersUp()
    {
        for (int id = 1; id <= Brokers; id++)
        {
            Check(Native.rd_kafka_mock_broker_set_up(_cluster, id), "up", id);
        }
    }

    public void Dispose() => _owner.Dispose();

    private static void Check(int error, string state, int broker)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"mock broker {broker} could not be set {state}: librdkafka error {error}");
        }
    }

    /// <summary>The rd_kafka_t behind a client: Confluent.Kafka keeps it in a non-public SafeHandle.</summary>
    private static IntPtr RawHandle(Handle handle)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        object? inner = (object?)typeof(Handle).GetField("LibrdkafkaHandle", flags)?.GetValue(handle)
            ?? typeof(Handle).GetProperty("LibrdkafkaHandle", flags)?.GetValue(handle);
        return inner is SafeHandle safe
            ? safe.DangerousGetHandle()
            : throw new InvalidOperationException("Confluent.Kafka's Handle no longer exposes LibrdkafkaHandle");
    }

    /// <summary>
    /// The mock-cluster functions of the librdkafka Confluent.Kafka loaded: it picks one of several builds for the
    /// distribution (not all load everywhere), so the library is found in this process's mappings, not by name.
    /// </summary>
    private static class Native
    {
        private static readonly IntPtr Library = LoadedLibrdkafka();

        public static readonly HandleMockCluster rd_kafka_handle_mock_cluster = Export<HandleMockCluster>("rd_kafka_handle_mock_cluster");
        public static readonly SetBroker rd_kafka_mock_broker_set_down = Export<SetBroker>("rd_kafka_mock_broker_set_down");
        public static readonly SetBroker rd_kafka_mock_broker_set_up = Export<SetBroker>("rd_kafka_mock_broker_set_up");

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        public delegate IntPtr HandleMockCluster(IntPtr rk);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        public delegate int SetBroker(IntPtr cluster, int brokerId);

        private static T Export<T>(string name) where T : Delegate =>
            Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(Library, name));

        private static IntPtr LoadedLibrdkafka()
        {
            string? path = File.ReadLines("/proc/self/maps")
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(parts => parts.Length >= 6 && parts[5].EndsWith("librdkafka.so", StringComparison.Ordinal))
                .Select(parts => parts[5])
                .FirstOrDefault();
            return path is not null
                ? NativeLibrary.Load(path)
                : throw new InvalidOperationException("librdkafka is not loaded in this process (create a Confluent.Kafka client first)");
        }
    }
}
