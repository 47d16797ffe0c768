namespace Llt.Shell.Configuration;

/// <summary>Kafka sink (KAFKA_BOOTSTRAP_SERVERS); on when servers are listed.</summary>
public sealed record KafkaSettings(string BootstrapServers)
{
    public bool Enabled => BootstrapServers.Length > 0;
}
