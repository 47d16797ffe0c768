namespace Llt.Shell.Sinks.Kafka;

/// <summary>What a Kafka record's value holds (llt.json <c>sinks:kafka:format</c>).</summary>
public enum KafkaValueFormat
{
    /// <summary>The journal frame's SBE message, byte for byte (header included: template, schema id, version).</summary>
    Sbe,

    /// <summary>The decoded event as a JSON object (fixed-point prices as integers, enums by name).</summary>
    Json,
}
