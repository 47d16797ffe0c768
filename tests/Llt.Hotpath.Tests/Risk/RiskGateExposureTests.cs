using Llt.Sbe;
using static Llt.Hotpath.Tests.Risk.RiskGateFixture;

namespace Llt.Hotpath.Tests.Risk;

/// <summary>
/// Gross and net exposure as fills and marks move them (RiskGate.Reprice, on every quote): exact while position ×
/// reference fits in a long, on both sides of the one-multiply range (position below 2^24 units, price below 2^38),
/// clamped to ±long.MaxValue beyond, and exact again when the mark comes back.
/// </summary>
public sealed class RiskGateExposureTests
{
    private const long LargePrice = 1L << 38; // 2,748.77906944 in 10^-8: the first price off the one-multiply range

    [Fact]
    public void Exposure_AtTheEdgesOfTheOneMultiplyRange_IsThePositionTimesTheReference()
    {
        var gate = Create();
        long position = (1L << 24) - 1;
        gate.OnMark(0, LargePrice - 1);
        gate.OnFill(0, -1, 0, Side.Buy, position, LargePrice - 1);
        Assert.Equal(position * (LargePrice - 1), gate.GrossExposure);
        Assert.Equal(position * (LargePrice - 1), gate.NetExposure);

        // one more unit and one more price step: each leaves the range on its own; still exact
        gate.OnFill(0, -1, 0, Side.Buy, 1, LargePrice - 1);
        Assert.Equal((position + 1) * (LargePrice - 1), gate.GrossExposure);
        gate.OnMark(0, LargePrice);
        Assert.Equal((position + 1) * LargePrice, gate.GrossExposure);
        Assert.Equal((position + 1) * LargePrice, gate.NetExposure);
    }

    [Fact]
    public void Exposure_ShortBeyondTheRange_NetIsNegativeGrossIsItsSize()
    {
        var gate = Create();
        long position = 20_000_000; // above 2^24
        gate.OnFill(1, -1, 1, Side.Sell, position, Px);
        Assert.Equal(position * Px, gate.GrossExposure);
        Assert.Equal(-position * Px, gate.NetExposure);
        gate.OnMark(1, LargePrice + 1);
        Assert.Equal(position * (LargePrice + 1), gate.GrossExposure);
        Assert.Equal(-position * (LargePrice + 1), gate.NetExposure);
    }

    [Fact]
    public void Exposure_ThatOverflowsALong_IsClamped_AndExactAgainWhenTheMarkComesBack()
    {
        var gate = Create();
        long position = 30_000_000;
        gate.OnFill(0, -1, 0, Side.Buy, position, Px);
        Assert.Equal(position * Px, gate.GrossExposure);

        // 3 × 10^7 units × 10^12 raw = 3 × 10^19: beyond a long, so the instrument counts as long.MaxValue
        gate.OnMark(0, 10_000 * 100_000_000L);
        Assert.Equal(long.MaxValue, gate.GrossExposure);
        Assert.Equal(long.MaxValue, gate.NetExposure);

        gate.OnMark(0, 2 * Px);
        Assert.Equal(2 * position * Px, gate.GrossExposure);
        Assert.Equal(2 * position * Px, gate.NetExposure);
    }
}
