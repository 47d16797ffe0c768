namespace Llt.Shell.Commands;

/// <summary>One allocated histogram's summary as read for one `llt stat` refresh; values in ns.</summary>
internal readonly record struct StatHistogramRow(
    int Id,
    int TypeId,
    string Label,
    long Count,
    long ClampedCount,
    long MinNs,
    double MeanNs,
    long P50Ns,
    long P90Ns,
    long P99Ns,
    long P999Ns,
    long P9999Ns,
    long MaxNs);
