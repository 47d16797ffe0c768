using Llt.Hotpath.Config;
using Llt.Sbe;

namespace Llt.Hotpath.Strategies;

/// <summary>
/// Entry sizes for one strategy: its <c>order_size</c> rounded down to the instrument's lot, capped so the
/// position stays within the strategy's <see cref="StrategyConfig.MaxPosition"/> either side of flat. Adding to a
/// position is allowed up to the cap; at the cap the size is 0. Allocation-free after construction.
/// </summary>
public sealed class PositionSizer
{
    private readonly StrategyContext _context;
    private readonly long _maxPosition;

    public PositionSizer(StrategyContext context, long orderSize)
    {
        _context = context;
        _maxPosition = context.Config.MaxPosition;
        OrderSize = orderSize;
    }

    /// <summary>Units per entry before lot rounding and the cap.</summary>
    public long OrderSize { get; }

    /// <summary>
    /// Throws <see cref="ConfigException"/> naming <c>strategies[i].parameters.order_size</c> when the order size
    /// is below the lot of an instrument the strategy trades (it could never trade there). For <c>OnAttached</c>.
    /// </summary>
    public void CheckOrderSizeCoversLots()
    {
        foreach (int id in _context.InstrumentIds)
        {
            long lot = LotSize(id);
            if (OrderSize < lot)
            {
                throw new ConfigException($"strategies[{_context.StrategyId}].parameters.order_size",
                    $"{OrderSize} is below the lot size {lot} of {_context.Symbol(id)}");
            }
        }
    }

    /// <summary>
    /// Units to <paramref name="side"/> for one entry from <paramref name="position"/>: the order size, cut to the
    /// room left under the cap on that side, rounded down to the lot; 0 (or less) when there is no room for a lot.
    /// </summary>
    public long EntryQty(int instrumentId, Side side, long position)
    {
        long room = side == Side.Buy ? _maxPosition - position : _maxPosition + position;
        return RoundDownToLot(instrumentId, Math.Min(OrderSize, room));
    }

    /// <summary>
    /// The position one entry from flat reaches in <paramref name="direction"/> (+1 long, −1 short, 0 flat): the
    /// order size capped at the maximum position, in whole lots.
    /// </summary>
    public long TargetPosition(int instrumentId, int direction) =>
        direction * RoundDownToLot(instrumentId, Math.Min(OrderSize, _maxPosition));

    private long RoundDownToLot(int instrumentId, long qty) => qty - qty % LotSize(instrumentId);

    // a lot of 0 would mean "any quantity": treat it as 1 rather than divide by it
    private long LotSize(int instrumentId) => Math.Max(1, _context.Instrument(instrumentId).LotSize);
}
