using System.Text.Json.Serialization;

namespace Llt.Benchmarks.Sbe;

/// <summary>
/// Source-generated System.Text.Json metadata and fast-path serializers for the benchmark models (no reflection).
/// Enums are written as numbers, the default and the fastest form.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(QuoteModel))]
[JsonSerializable(typeof(ExecutionReportModel))]
internal sealed partial class CodecJsonContext : JsonSerializerContext
{
}
