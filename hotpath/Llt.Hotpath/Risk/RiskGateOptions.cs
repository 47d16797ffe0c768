namespace Llt.Hotpath.Risk;

/// <summary>
/// Construction-time shape of a <see cref="RiskGate"/>, validated once by <see cref="Validate"/>; the gate copies
/// the values and never reads options again (STYLE.md §6). Limits themselves live in <see cref="RiskLimits"/>.
/// </summary>
public sealed class RiskGateOptions
{
    /// <summary>Rolling-volume window for the liquidity limit.</summary>
    public long VolumeWindowNs { get; init; } = 60_000_000_000;

    /// <summary>Buckets the window is split into (power of two); volume expires one bucket at a time.</summary>
    public int VolumeBuckets { get; init; } = 16;

    /// <summary>Most orders open at once across all strategies (power of two).</summary>
    public int OpenOrderCapacity { get; init; } = 4096;

    /// <summary>Null when usable, else why not.</summary>
    public string? Validate()
    {
        if (VolumeBuckets <= 0 || (VolumeBuckets & (VolumeBuckets - 1)) != 0)
        {
            return $"VolumeBuckets {VolumeBuckets} must be a positive power of two";
        }

        if (VolumeWindowNs < VolumeBuckets)
        {
            return $"VolumeWindowNs {VolumeWindowNs} must be at least VolumeBuckets";
        }

        if (OpenOrderCapacity <= 0 || (OpenOrderCapacity & (OpenOrderCapacity - 1)) != 0)
        {
            return $"OpenOrderCapacity {OpenOrderCapacity} must be a positive power of two";
        }

        return null;
    }
}
