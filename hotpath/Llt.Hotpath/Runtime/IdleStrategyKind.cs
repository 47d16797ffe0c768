namespace Llt.Hotpath.Runtime;

/// <summary>The idle strategies a thread can be configured with.</summary>
public enum IdleStrategyKind
{
    BusySpin = 0,
    Yield = 1,
    Sleep = 2,
    Backoff = 3,
    NoOp = 4,
}
