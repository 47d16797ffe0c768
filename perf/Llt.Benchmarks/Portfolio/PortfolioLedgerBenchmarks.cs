using BenchmarkDotNet.Attributes;
using Llt.Hotpath.Config;
using Llt.Hotpath.Portfolio;
using Llt.Sbe;

namespace Llt.Benchmarks.Portfolio;

/// <summary>
/// Cost of one <see cref="PortfolioLedger.OnFill"/> and one <see cref="PortfolioLedger.OnMark"/> on a ledger of
/// 100 instruments × 2 strategies. Fills are sized 1..7 with a side pattern that opens, adds, partially closes and
/// flips through zero, so the 128-bit pro-rata division is on the measured path about as often as in trading.
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*PortfolioLedgerBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class PortfolioLedgerBenchmarks
{
    public const int EventsPerInvoke = 4096;
    private const int Instruments = 100;
    private const int Strategies = 2;

    private readonly FillRecord[] _fills = new FillRecord[EventsPerInvoke];
    private readonly long[] _marks = new long[EventsPerInvoke];
    private PortfolioLedger _ledger = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ledger = new PortfolioLedger(Strategies, Instruments);
        var random = new Random(42);
        for (int n = 0; n < EventsPerInvoke; n++)
        {
            long price = 100 * FixedPoint.Scale + random.Next(-50_000, 50_000) * 1_000L;
            _fills[n] = new FillRecord(n & 1, random.Next(Instruments), random.Next(2) == 0 ? Side.Buy : Side.Sell, random.Next(1, 8), price, 3);
            _marks[n] = price;
        }

        // every instrument holds positions before marks are measured
        _ledger.ApplyFills(_fills);
    }

    [GlobalCleanup]
    public void Cleanup() => _ledger.Dispose();

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public long OnFill()
    {
        PortfolioLedger ledger = _ledger;
        FillRecord[] fills = _fills;
        for (int n = 0; n < fills.Length; n++)
        {
            ref readonly FillRecord f = ref fills[n];
            ledger.OnFill(f.StrategyId, f.InstrumentId, f.Side, f.Quantity, f.Price, f.Fee);
        }

        return ledger.Equity;
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public long OnMark()
    {
        PortfolioLedger ledger = _ledger;
        long[] marks = _marks;
        for (int n = 0; n < marks.Length; n++)
        {
            ledger.OnMark(n % Instruments, marks[n]);
        }

        return ledger.Equity;
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public long OnQuote()
    {
        PortfolioLedger ledger = _ledger;
        long[] marks = _marks;
        for (int n = 0; n < marks.Length; n++)
        {
            ledger.OnQuote(n % Instruments, marks[n] - 1_000_000, marks[n] + 1_000_000);
        }

        return ledger.Equity;
    }
}
