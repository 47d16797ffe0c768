using System.Globalization;
using Llt.Hotpath.Config;
using Llt.Sbe;

namespace Llt.Shell.Configuration;

/// <summary>
/// A risk limit as operators name it (<c>position</c>, <c>daily-loss</c>, ...), the engine's <see cref="LimitType"/>
/// behind it, and the unit its value is given in. Conversions are exact: a value the engine's unit cannot hold
/// (a fraction of a share, a ninth decimal, a fractional basis point) is refused, never rounded.
/// </summary>
public sealed class LimitKind
{
    private LimitKind(string name, LimitType type, LimitUnit unit, string unitText)
    {
        Name = name;
        Type = type;
        Unit = unit;
        UnitText = unitText;
    }

    public string Name { get; }

    public LimitType Type { get; }

    public LimitUnit Unit { get; }

    /// <summary>What the human value means, for help and listings.</summary>
    public string UnitText { get; }

    public static IReadOnlyList<LimitKind> All { get; } =
    [
        new("position", LimitType.Position, LimitUnit.Count, "shares"),
        new("volatility", LimitType.Volatility, LimitUnit.Fraction, "fraction per period (0.02 = 2%)"),
        new("liquidity", LimitType.Liquidity, LimitUnit.FractionBps, "fraction of rolling volume (0.1 = 10%)"),
        new("order-rate", LimitType.OrderRate, LimitUnit.Count, "orders per second"),
        new("daily-loss", LimitType.DailyLoss, LimitUnit.Money, "currency"),
        new("order-qty", LimitType.OrderQty, LimitUnit.Count, "shares per order"),
        new("notional", LimitType.Notional, LimitUnit.Money, "currency per order"),
        new("drawdown", LimitType.Drawdown, LimitUnit.Money, "currency from the high-water mark"),
        new("open-orders", LimitType.OpenOrders, LimitUnit.Count, "orders"),
        new("gross-exposure", LimitType.GrossExposure, LimitUnit.Money, "currency"),
        new("net-exposure", LimitType.NetExposure, LimitUnit.Money, "currency"),
        new("price-collar", LimitType.PriceCollar, LimitUnit.FractionBps, "fraction of the reference price (0.05 = 5%)"),
    ];

    public static string Names => string.Join(", ", All.Select(k => k.Name));

    public static LimitKind? Find(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    public static LimitKind Of(LimitType type) => All.First(k => k.Type == type);

    /// <summary>The engine's raw value for <paramref name="value"/> in this kind's unit; null with <paramref name="error"/> when it cannot be held exactly.</summary>
    public long? ToRaw(decimal value, out string? error)
    {
        error = null;
        if (value < 0)
        {
            error = "must not be negative";
            return null;
        }

        switch (Unit)
        {
            case LimitUnit.Count:
                if (value != decimal.Truncate(value) || value > long.MaxValue)
                {
                    error = $"{value.ToString(CultureInfo.InvariantCulture)} is not a whole number of {UnitText}";
                    return null;
                }

                return (long)value;
            case LimitUnit.Money:
            case LimitUnit.Fraction:
                if (!FixedPoint.TryFromDecimal(value, out long raw, out string? fixedError))
                {
                    error = fixedError;
                    return null;
                }

                return raw;
            default:
                decimal bps = value * 10_000m;
                if (bps != decimal.Truncate(bps) || bps > long.MaxValue)
                {
                    error = $"{value.ToString(CultureInfo.InvariantCulture)} is not a whole number of basis points (0.0001)";
                    return null;
                }

                return (long)bps;
        }
    }

    /// <summary>The human value for a raw engine value; null for the engine's "no limit".</summary>
    public decimal? FromRaw(long raw)
    {
        if (raw == Llt.Hotpath.Risk.RiskLimits.Unlimited)
        {
            return null;
        }

        return Unit switch
        {
            LimitUnit.Count => raw,
            LimitUnit.Money or LimitUnit.Fraction => FixedPoint.ToDecimal(raw),
            _ => raw / 10_000m,
        };
    }
}
