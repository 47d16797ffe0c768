using BenchmarkDotNet.Attributes;
using Llt.Hotpath.Indicators;

namespace Llt.Benchmarks.Indicators;

/// <summary>
/// Cost of one streaming update per indicator (window 20), results per update. Each invocation feeds the same
/// <see cref="ValuesPerInvoke"/> random-walk prices (and integer volumes) after warm-up, so every indicator is
/// ready and its state is in L1: the figure is the update's own cost, the loop's array read included.
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*IndicatorUpdateBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class IndicatorUpdateBenchmarks
{
    public const int ValuesPerInvoke = 4096;
    private const int Window = 20;

    private readonly double[] _prices = new double[ValuesPerInvoke];
    private readonly double[] _volumes = new double[ValuesPerInvoke];
    private SimpleMovingAverage _sma = null!;
    private RollingVariance _variance = null!;
    private RollingZScore _zScore = null!;
    private BollingerBands _bands = null!;
    private RollingHighLow _highLow = null!;
    private RollingVwap _vwap = null!;
    private RollingVolumeAverage _volumeAverage = null!;
    private ExponentialMovingAverage _ema;
    private AverageTrueRange _atr;
    private RelativeStrengthIndex _rsi;
    private SessionVwap _sessionVwap;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        double price = 100.0;
        for (int i = 0; i < ValuesPerInvoke; i++)
        {
            price += random.NextDouble() - 0.5;
            _prices[i] = price;
            _volumes[i] = random.Next(1, 1000);
        }

        _sma = new SimpleMovingAverage(Window);
        _variance = new RollingVariance(Window, VarianceKind.Sample);
        _zScore = new RollingZScore(Window, VarianceKind.Population);
        _bands = new BollingerBands(Window);
        _highLow = new RollingHighLow(Window);
        _vwap = new RollingVwap(Window);
        _volumeAverage = new RollingVolumeAverage(Window);
        _ema = new ExponentialMovingAverage(Window);
        _atr = new AverageTrueRange(Window);
        _rsi = new RelativeStrengthIndex(Window);
    }

    [Benchmark(OperationsPerInvoke = ValuesPerInvoke)]
    public double Sma()
    {
        SimpleMovingAverage sma = _sma;
        double[] prices = _prices;
        for (int i = 0; i < prices.Length; i++)
        {
            sma.Update(prices[i]);
        }

        return sma.Value;
    }

    [Benchmark(OperationsPerInvoke = ValuesPerInvoke)]
    public double Ema()
    {
        double[] prices = _prices;
        for (int i = 0; i < prices.Length; i++)
        {
            _ema.Update(prices[i]);
        }

        return _ema.Value;
    }

    [Benchmark(OperationsPerInvoke = ValuesPerInvoke)]
    public double RollingVariance()
    {
        RollingVariance variance = _variance;
        double[] prices = _prices;
        for (int i = 0; i < prices.Length; i++)
        {
            variance.Update(prices[i]);
        }

        return variance.Value;
    }

    /// <summary>Update and read the z-score every tick (a strategy's use): includes the sqrt and divide.</summary>
    [Benchmark(OperationsPerInvoke = ValuesPerInvoke)]
    public double ZScoreUpdateAndRead()
    {
        RollingZScore zScore = _zScore;
        double[] prices = _prices;
        double sum = 0;
        for (int i = 0; i < prices.Length; i++)
        {
            zScore.Update(prices[i]);
            sum += zScore.Value;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = ValuesPerInvoke)]
    public double BollingerUpdateAndRead()
    {
        BollingerBands bands = _bands;
        double[] prices = _prices;
        double sum = 0;
        for (int i = 0; i < prices.Length; i++)
        {
            bands.Update(prices[i]);
            sum += bands.Upper;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = ValuesPerInvoke)]
    public double RollingHighLow()
    {
        RollingHighLow highLow = _highLow;
        double[] prices = _prices;
        for (int i = 0; i < prices.Length; i++)
        {
            highLow.Update(prices[i]);
        }

        return highLow.High - highLow.Low;
    }

    [Benchmark(OperationsPerInvoke = ValuesPerInvoke)]
    public double RollingVwap()
    {
        RollingVwap vwap = _vwap;
        double[] prices = _prices;
        double[] volumes = _volumes;
        for (int i = 0; i < prices.Length; i++)
        {
            vwap.Update(prices[i], volumes[i]);
        }

        return vwap.Value;
    }

    [Benchmark(OperationsPerInvoke = ValuesPerInvoke)]
    public double SessionVwap()
    {
        double[] prices = _prices;
        double[] volumes = _volumes;
        for (int i = 0; i < prices.Length; i++)
        {
            _sessionVwap.Update(prices[i], volumes[i]);
        }

        return _sessionVwap.Value;
    }

    [Benchmark(OperationsPerInvoke = ValuesPerInvoke)]
    public double AtrBars()
    {
        double[] prices = _prices;
        for (int i = 0; i < prices.Length; i++)
        {
            double price = prices[i];
            _atr.Update(price + 0.25, price - 0.25, price);
        }

        return _atr.Value;
    }

    [Benchmark(OperationsPerInvoke = ValuesPerInvoke)]
    public double Rsi()
    {
        double[] prices = _prices;
        for (int i = 0; i < prices.Length; i++)
        {
            _rsi.Update(prices[i]);
        }

        return _rsi.Value;
    }

    [Benchmark(OperationsPerInvoke = ValuesPerInvoke)]
    public double RollingVolumeAverage()
    {
        RollingVolumeAverage average = _volumeAverage;
        double[] volumes = _volumes;
        for (int i = 0; i < volumes.Length; i++)
        {
            average.Update(volumes[i]);
        }

        return average.Value;
    }
}
