using Llt.Sbe;

namespace Llt.Hotpath.Strategies;

/// <summary>
/// How one fill moved a strategy's position on an instrument, from <see cref="Before"/> to <see cref="After"/>
/// (whole units, + long, − short). Built in <c>OnFill</c>, where <see cref="StrategyContext.Position"/>
/// already includes the fill.
/// </summary>
public readonly struct PositionChange
{
    public PositionChange(long before, long after)
    {
        Before = before;
        After = after;
    }

    public long Before { get; }

    public long After { get; }

    /// <summary>The position now flat.</summary>
    public bool IsClosed => After == 0;

    /// <summary>A position now open that was not before on this side: opened from flat, or flipped through zero.</summary>
    public bool IsOpened => After != 0 && (Before == 0 || (Before > 0) != (After > 0));

    /// <summary>The change <paramref name="fill"/> made, given the position <paramref name="after"/> it.</summary>
    public static PositionChange Of(in Fill fill, long after) =>
        new(after - (fill.Side == Side.Buy ? fill.Qty : -fill.Qty), after);
}
