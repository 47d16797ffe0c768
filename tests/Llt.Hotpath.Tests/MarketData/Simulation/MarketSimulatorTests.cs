using Llt.Hotpath.MarketData.Simulation;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.MarketData.Simulation;

public sealed class MarketSimulatorTests
{
    [Fact]
    public void Next_ManyInstruments_QuotesOnTickGridPositiveUncrossedAndTradesAtTouch()
    {
        var simulator = new MarketSimulator(SimulatorConfig.CreateDefault(100, seed: 9));
        AssertInvariants(simulator, SimulatorConfig.CreateDefault(100, seed: 9), 200_000);
    }

    [Fact]
    public void Next_ExtremeVolatilityNearTheFloor_StaysPositiveAndUncrossed()
    {
        var config = new SimulatorConfig
        {
            Seed = 5,
            Instruments =
            [
                new SimulatedInstrumentConfig { Symbol = "PENNY", TickSize = 1_000_000, StartPrice = 10_000_000, AnnualVolatility = 10, BaseSpreadTicks = 3.5 },
                new SimulatedInstrumentConfig { Symbol = "COARSE", TickSize = 25_000_000, StartPrice = 500_000_000, AnnualVolatility = 5, LotSize = 7 },
            ],
            VolatileVolMultiplier = 10,
            CalmToVolatileProbability = 0.05,
            JumpRatePerHour = 10_000,
            JumpSigma = 0.5,
            NoiseBps = 2_000,
        };
        AssertInvariants(new MarketSimulator(config), config, 100_000);
    }

    [Fact]
    public void VolatileRegime_RaisesRealizedVariance()
    {
        // a tick of 10^-8 on a 100.00 price removes rounding, so the measured variance is the model's
        var config = new SimulatorConfig
        {
            Seed = 21,
            Instruments = [new SimulatedInstrumentConfig { Symbol = "FINE", TickSize = 1, AnnualVolatility = 0.3 }],
            BaseEventRatePerSec = 200,
            CalmToVolatileProbability = 0.001,
            VolatileToCalmProbability = 0.003,
            VolatileVolMultiplier = 3,
            JumpRatePerHour = 0,
            TrendRatePerHour = 0,
        };
        var simulator = new MarketSimulator(config);
        Span<double> squaredReturns = stackalloc double[2];
        Span<double> seconds = stackalloc double[2];
        double lastLogMid = double.NaN;
        long lastTs = 0;
        for (int i = 0; i < 300_000; i++)
        {
            simulator.Next(out SimulatedEvent e);
            if (e.Kind != SimulatedEventKind.Quote)
            {
                continue;
            }

            double logMid = Math.Log((e.BidPrice + e.AskPrice) / 2.0);
            if (!double.IsNaN(lastLogMid))
            {
                int regime = (int)e.Regime;
                squaredReturns[regime] += (logMid - lastLogMid) * (logMid - lastLogMid);
                seconds[regime] += (e.ExchangeTs - lastTs) / 1e9;
            }

            lastLogMid = logMid;
            lastTs = e.ExchangeTs;
        }

        Assert.True(seconds[0] > 10 && seconds[1] > 10, $"both regimes visited: calm {seconds[0]} s, volatile {seconds[1]} s");
        double calmVariancePerSec = squaredReturns[0] / seconds[0];
        double volatileVariancePerSec = squaredReturns[1] / seconds[1];
        double ratio = volatileVariancePerSec / calmVariancePerSec;
        // a 3× volatility multiplier is a 9× variance: allow for sampling error
        Assert.InRange(ratio, 5, 15);
    }

    [Fact]
    public void Arrivals_AreOverdispersedComparedWithPoisson()
    {
        double hawkes = DispersionIndex(SimulatorConfig.CreateDefault(100, seed: 31));
        Assert.True(hawkes > 2, $"variance/mean of counts per 100 ms = {hawkes}");
    }

    [Fact]
    public void Arrivals_WithoutExcitation_ArePoisson()
    {
        SimulatorConfig defaults = SimulatorConfig.CreateDefault(100, seed: 31);
        var config = new SimulatorConfig
        {
            Seed = 31,
            Instruments = defaults.Instruments,
            HawkesBranchingRatio = 0,
            BreakoutExcitationPerSec = 0,
        };
        // the control: the same counting gives ≈ 1 for a plain Poisson stream
        Assert.InRange(DispersionIndex(config), 0.85, 1.15);
    }

    [Fact]
    public void TradeSizes_AreHeavyTailed()
    {
        SimulatorConfig config = SimulatorConfig.CreateDefault(20, seed: 41);
        var simulator = new MarketSimulator(config);
        var lots = new List<double>();
        while (lots.Count < 50_000)
        {
            simulator.Next(out SimulatedEvent e);
            if (e.Kind == SimulatedEventKind.Trade)
            {
                lots.Add(e.TradeSize / (double)config.Instruments[e.InstrumentId].LotSize);
            }
        }

        lots.Sort();
        double median = lots[lots.Count / 2];
        double p99 = lots[lots.Count * 99 / 100];
        double mean = 0;
        foreach (double x in lots)
        {
            mean += x;
        }

        mean /= lots.Count;
        double m2 = 0, m4 = 0;
        foreach (double x in lots)
        {
            double d = x - mean;
            m2 += d * d;
            m4 += d * d * d * d;
        }

        double kurtosis = m4 / lots.Count / (m2 / lots.Count * (m2 / lots.Count));
        Assert.True(p99 / median >= 8, $"p99/median = {p99 / median}");
        // a normal has kurtosis 3, an exponential 9
        Assert.True(kurtosis > 20, $"kurtosis = {kurtosis}");
    }

    [Fact]
    public void Breakout_ConcentratesFlowOnTheBreakingInstrument()
    {
        var simulator = new MarketSimulator(SimulatorConfig.CreateDefault(100, seed: 51));
        long breakouts = 0;
        int window = 0;
        int focusId = -1;
        long inWindow = 0;
        long onFocus = 0;
        for (int i = 0; i < 400_000; i++)
        {
            simulator.Next(out SimulatedEvent e);
            if (window > 0)
            {
                window--;
                inWindow++;
                onFocus += e.InstrumentId == focusId ? 1 : 0;
            }

            if (simulator.BreakoutCount != breakouts)
            {
                breakouts = simulator.BreakoutCount;
                focusId = e.InstrumentId;
                window = 200;
            }
        }

        Assert.True(breakouts >= 5, $"breakouts = {breakouts}");
        // without a breakout one instrument of 100 gets ~1-5 % of the flow
        Assert.True(onFocus > 0.3 * inWindow, $"{onFocus} of {inWindow} events on the breaking instrument");
    }

    [Fact]
    public void GenerateIntoSpanAndHandler_MatchNext()
    {
        SimulatorConfig config = SimulatorConfig.CreateDefault(10, seed: 61);
        var viaNext = new MarketSimulator(config);
        var viaSpan = new MarketSimulator(config);
        var buffer = new SimulatedEvent[1000];
        viaSpan.Generate(buffer);
        for (int i = 0; i < buffer.Length; i++)
        {
            viaNext.Next(out SimulatedEvent e);
            Assert.Equal(e, buffer[i]);
        }

        var viaHandler = new MarketSimulator(config);
        var checker = new ExchangeTsChecker();
        viaHandler.Generate(ref checker, 1000);
        Assert.Equal(buffer[^1].ExchangeTs, checker.LastTs);
        Assert.Equal(1000, checker.Count);
    }

    private static double DispersionIndex(SimulatorConfig config)
    {
        const long windowNs = 100_000_000;
        var simulator = new MarketSimulator(config);
        var counts = new List<long>();
        long windowEnd = config.StartEpochNs + windowNs;
        long count = 0;
        for (int i = 0; i < 600_000; i++)
        {
            simulator.Next(out SimulatedEvent e);
            while (e.ExchangeTs >= windowEnd)
            {
                counts.Add(count);
                count = 0;
                windowEnd += windowNs;
            }

            count++;
        }

        double mean = 0;
        foreach (long c in counts)
        {
            mean += c;
        }

        mean /= counts.Count;
        double variance = 0;
        foreach (long c in counts)
        {
            variance += (c - mean) * (c - mean);
        }

        variance /= counts.Count - 1;
        return variance / mean;
    }

    private static void AssertInvariants(MarketSimulator simulator, SimulatorConfig config, int events)
    {
        long lastTs = long.MinValue;
        long lastTradeId = 0;
        var seen = new bool[config.Instruments.Count];
        for (int i = 0; i < events; i++)
        {
            simulator.Next(out SimulatedEvent e);
            SimulatedInstrumentConfig instrument = config.Instruments[e.InstrumentId];
            long tick = instrument.TickSize;
            Assert.True(e.ExchangeTs > lastTs, "exchangeTs strictly increasing");
            lastTs = e.ExchangeTs;
            Assert.True(e.BidPrice > 0, $"bid {e.BidPrice} > 0");
            Assert.True(e.AskPrice - e.BidPrice >= tick, "spread ≥ 1 tick, never crossed");
            Assert.Equal(0, e.BidPrice % tick);
            Assert.Equal(0, e.AskPrice % tick);
            Assert.True(e.BidSize > 0 && e.AskSize > 0);
            Assert.Equal(0, e.BidSize % instrument.LotSize);
            Assert.Equal(0, e.AskSize % instrument.LotSize);
            if (e.Kind == SimulatedEventKind.Trade)
            {
                Assert.True(seen[e.InstrumentId], "a trade only after the instrument's first quote");
                Assert.Equal(e.Aggressor == AggressorSide.Buy ? e.AskPrice : e.BidPrice, e.TradePrice);
                Assert.True(e.Aggressor is AggressorSide.Buy or AggressorSide.Sell);
                Assert.True(e.TradeSize > 0);
                Assert.Equal(0, e.TradeSize % instrument.LotSize);
                Assert.Equal(lastTradeId + 1, e.TradeId);
                lastTradeId = e.TradeId;
            }
            else
            {
                Assert.Equal(0, e.TradeId);
                seen[e.InstrumentId] = true;
            }
        }
    }

    private struct ExchangeTsChecker : ISimulatedEventHandler
    {
        public long LastTs;
        public int Count;

        public void OnEvent(in SimulatedEvent simulatedEvent)
        {
            Assert.True(simulatedEvent.ExchangeTs > LastTs);
            LastTs = simulatedEvent.ExchangeTs;
            Count++;
        }
    }
}
