namespace Llt.Hotpath.Runtime;

/// <summary>Where a <see cref="BackoffIdleStrategy"/> is in its spin → yield → park progression.</summary>
public enum BackoffState
{
    /// <summary>Work was done last time; the next idle starts spinning.</summary>
    NotIdle = 0,
    Spinning = 1,
    Yielding = 2,
    Parking = 3,
}
